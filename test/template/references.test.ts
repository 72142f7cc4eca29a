import { describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { referencedVariables } from '../../src/template/index.js';

const refs = (text: string): { names: string[]; paths: string[] } => {
  const found = referencedVariables(text);
  return { names: [...found.names].sort(), paths: [...found.paths].sort() };
};

describe('referencedVariables', () => {
  it('finds top-level names and static dotted paths', () => {
    expect(refs("SELECT '{{ api_id }}', '{{ api.api_endpoint }}', '{{ globals.region }}'")).toEqual({
      names: ['api', 'api_id', 'globals'],
      paths: ['api.api_endpoint', 'globals.region'],
    });
  });

  it('finds names inside filters, tests, calls, conditions, dicts and lists', () => {
    expect(
      refs(
        "{% if stack_env == 'prd' and big is defined %}{{ {'Tags': tags, 'N': n | default(d)} | generate_patch_document }}{% endif %}{{ [a, b.c] }}{{ f(x) }}",
      ).names,
    ).toEqual(['a', 'b', 'big', 'd', 'f', 'n', 'stack_env', 'tags', 'x']);
  });

  it('excludes loop variables (and loop), but not what is looped over', () => {
    expect(refs('{% for t in tags %}{{ t.Key }}{{ loop.index }}{{ api.api_id }}{% endfor %}')).toEqual({
      names: ['api', 'tags'],
      paths: ['api.api_id'],
    });
    expect(refs('{% for k, v in cfg.items() %}{{ k }}{{ v.x }}{% endfor %}{{ k }}').names).toEqual(['cfg', 'k']);
  });

  it('excludes names bound by set after the binding, and macro parameters', () => {
    expect(refs('{% set x = x | default(1) %}{{ x }}{% set y = 2 %}{{ y }}').names).toEqual(['x']);
    expect(refs('{% macro m(a, b=dflt) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(1) }}').names).toEqual(['c', 'dflt']);
  });

  it('ignores literals, global functions and filter names', () => {
    expect(refs('{{ True }}{{ None }}{{ uuid() }}{{ x | tojson }}{{ "s" }}').names).toEqual(['x']);
  });

  it('keeps the static prefix of dynamic lookups and reads the key', () => {
    expect(refs('{{ subnets[0].id }}{{ m[key].v }}')).toEqual({
      names: ['key', 'm', 'subnets'],
      paths: ['subnets[0].id'],
    });
  });

  it('returns empty sets for plain text, and one answer per text (read-only, shared)', () => {
    expect(refs('SELECT 1')).toEqual({ names: [], paths: [] });
    expect(referencedVariables('{{ a }}')).toBe(referencedVariables('{{ a }}'));
    expect([...referencedVariables('{{ a }}').names]).toEqual(['a']);
  });

  it('reports bad syntax as TemplateSyntax with the line within the text', () => {
    try {
      referencedVariables('ok\n{{ a + }}');
    } catch (error) {
      expect(DeployError.is(error)).toBe(true);
      expect((error as DeployError).code).toBe('TemplateSyntax');
      expect((error as DeployError).location.line).toBe(2);
      return;
    }
    throw new Error('expected a failure');
  });
});
