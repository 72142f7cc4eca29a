import { describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { renderTemplate } from '../../src/template/index.js';

const render = (text: string, context: Record<string, unknown> = {}, line = 1): string =>
  renderTemplate({ text, file: 'resources/api.iql', line, resource: 'api' }, context);

/** The DeployError a render throws (fails the test when it does not throw one). */
function failure(text: string, context: Record<string, unknown> = {}, line = 1): DeployError {
  try {
    render(text, context, line);
  } catch (error) {
    if (DeployError.is(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('renderTemplate: Jinja behaviour', () => {
  it('renders plain text unchanged, including text without any tag', () => {
    expect(render('SELECT 1;\n')).toBe('SELECT 1;\n');
    expect(render('a { b } c')).toBe('a { b } c');
  });

  it('does not escape HTML (autoescape off)', () => {
    expect(render('{{ x }}', { x: `<a href="x">&'</a>` })).toBe(`<a href="x">&'</a>`);
  });

  it('knows the Python literals True, False and None as well as true/false/none', () => {
    expect(render('{{ True }} {{ False }} {{ None }}')).toBe('true false null');
    expect(render('{% if True and not False %}yes{% endif %}')).toBe('yes');
    expect(render('{{ x is none }}', { x: null })).toBe('true');
    expect(render('{{ true }} {{ none is none }}')).toBe('true true');
  });

  it('prints mappings and lists as compact JSON, scalars as text', () => {
    expect(render('{{ tags }}', { tags: [{ Key: 'Name', Value: 'x' }] })).toBe('[{"Key":"Name","Value":"x"}]');
    expect(render('{{ cfg }}', { cfg: { Status: 'Enabled', n: 1, on: true, none: null } })).toBe(
      '{"Status":"Enabled","n":1,"on":true,"none":null}',
    );
    expect(render('{{ n }} {{ f }} {{ b }}', { n: 42, f: 1.5, b: false })).toBe('42 1.5 false');
    expect(render('{{ [1, "a"] }} {{ {"k": "v"} }}')).toBe('[1,"a"] {"k":"v"}');
  });

  it('supports loops, loop variables, set, macros and dict methods', () => {
    expect(
      render('{% for t in tags %}{{ loop.index }}:{{ t.Key }}{% if not loop.last %},{% endif %}{% endfor %}', {
        tags: [{ Key: 'a' }, { Key: 'b' }],
      }),
    ).toBe('1:a,2:b');
    expect(render('{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}', { d: { a: 1, b: 2 } })).toBe('a=1;b=2;');
    expect(render('{% for k in d %}{{ k }}{% endfor %}', { d: { a: 1, b: 2 } })).toBe('ab');
    expect(render('{% for x in [] %}x{% else %}empty{% endfor %}')).toBe('empty');
    expect(render('{% set n = 2 %}{{ n * 3 }}')).toBe('6');
    expect(render('{% macro tag(k, v="d") %}{{ k }}={{ v }}{% endmacro %}{{ tag("a") }} {{ tag("b", "c") }}')).toBe(
      'a=d b=c',
    );
    expect(render('{{ d.get("a") }} {{ d.get("z", "none") }} {{ d.keys() | join(",") }}', { d: { a: 1, b: 2 } })).toBe(
      '1 none a,b',
    );
    expect(render('{{ s.upper() }} {{ s.split("-") | join("+") }} {{ s.startswith("ab") }}', { s: 'ab-cd' })).toBe(
      'AB-CD ab+cd true',
    );
  });

  it('indexes lists, Python-style negative indexes included', () => {
    expect(render('{{ l[0] }} {{ l[-1] }} {{ d["k"] }}', { l: [1, 2, 3], d: { k: 'v' } })).toBe('1 3 v');
  });

  it('concatenates with ~ and compares', () => {
    expect(render("{{ stack_name ~ '-' ~ stack_env }}", { stack_name: 's', stack_env: 'dev' })).toBe('s-dev');
    expect(render("{% if stack_env == 'prd' %}big{% else %}small{% endif %}", { stack_env: 'dev' })).toBe('small');
  });

  it('lets templates test for and default missing values', () => {
    expect(render('{{ x is defined }} {{ x is undefined }}')).toBe('false true');
    expect(render("{{ x | default('fallback') }}")).toBe('fallback');
    expect(render("{{ api.nope | default('d') }} {{ api.nope is defined }}", { api: { id: 1 } })).toBe('d false');
    expect(render("{{ x if x is defined else 'no' }}")).toBe('no');
    expect(render('{% if x is defined and x %}{{ x }}{% endif %}')).toBe('');
  });

  it('gives a fresh uuid() on every call', () => {
    const [a, b] = render('{{ uuid() }} {{ uuid() }}').split(' ');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });

  it('does not let one render leak variables into the caller context', () => {
    const context: Record<string, unknown> = { a: 1 };
    render('{% set b = 2 %}{{ b }}', context);
    expect(context).toEqual({ a: 1 });
  });
});

describe('renderTemplate: errors', () => {
  it('reports an undefined variable with its name, resource, file and line in the file', () => {
    const text =
      "/*+ create */\nINSERT INTO aws.apigatewayv2.routes (\n  ApiId, RouteKey\n)\nSELECT '{{ api_id }}', '$default'\n";
    const error = failure(text, { region: 'us-east-1' }, 7);
    expect(error.code).toBe('UndefinedVariable');
    expect(error.message).toContain("'api_id'");
    expect(error.message).toContain("'api'");
    expect(error.location).toEqual({ file: 'resources/api.iql', line: 11, resource: 'api' });
    expect(error.hint).toMatch(/is defined|default/);
  });

  it('suggests close names for a misspelt variable', () => {
    const error = failure('{{ regoin }}', { region: 'x' });
    expect(error.hint).toContain("Did you mean 'region'?");
  });

  it('reports the line of each reference, not of the statement', () => {
    expect(failure('a\n{{ ok }}\n\n{{ missing }}', { ok: 1 }, 20).location.line).toBe(23);
  });

  it('uses the right line when the same text is rendered at different lines (cache)', () => {
    expect(failure('x\n{{ gone }}', {}, 3).location.line).toBe(4);
    expect(failure('x\n{{ gone }}', {}, 40).location.line).toBe(41);
  });

  it('names the path of a missing attribute of a defined object', () => {
    const error = failure('SELECT 1\nWHERE id = {{ api.nope }}', { api: { api_id: 'a1', api_endpoint: 'e' } }, 5);
    expect(error.code).toBe('UndefinedVariable');
    expect(error.message).toContain("'api.nope'");
    expect(error.location.line).toBe(6);
    expect(error.hint).toContain('api_id');
  });

  it('names missing nested paths and list items', () => {
    expect(failure('{{ a.b.c }}', { a: { b: {} } }).message).toContain("'a.b.c'");
    expect(failure('{{ l[5] }}', { l: [1] }).message).toContain("'l[5]'");
    expect(failure('{{ a.b.c }}', { a: { b: null } }).message).toContain("'a.b' is null");
  });

  it('fails on an undefined value anywhere it is used, not only when printed', () => {
    expect(failure('{% if missing %}x{% endif %}').code).toBe('UndefinedVariable');
    expect(failure('{% for x in missing %}{% endfor %}').code).toBe('UndefinedVariable');
    expect(failure("{{ 'a' ~ missing }}").code).toBe('UndefinedVariable');
    expect(failure('{{ missing | upper }}').code).toBe('UndefinedVariable');
    expect(failure('{{ nofunc() }}').message).toContain("'nofunc'");
  });

  it('reports syntax errors at their line', () => {
    const error = failure('SELECT\n1,\n{{ x + }}\n', {}, 10);
    expect(error.code).toBe('TemplateSyntax');
    expect(error.location).toMatchObject({ file: 'resources/api.iql', line: 12, resource: 'api' });
    expect(error.hint).toBeTruthy();
  });

  it('reports an unclosed block at the end of the text', () => {
    const error = failure('{% if x %}\na\nb', {}, 1);
    expect(error.code).toBe('TemplateSyntax');
    expect(error.location.line).toBe(3);
  });

  it('reports an unknown filter at compile time with a suggestion', () => {
    const error = failure('\n{{ x | form_json }}', { x: '1' });
    expect(error.code).toBe('TemplateSyntax');
    expect(error.message).toContain("'form_json'");
    expect(error.hint).toContain("'from_json'");
    expect(error.location.line).toBe(2);
  });

  it('rejects include/extends/import, which need files', () => {
    const error = failure("{% include 'other.iql' %}");
    expect(error.code).toBe('TemplateSyntax');
    expect(error.message).toContain('include');
  });

  it('reports a failing filter as TemplateError at its line', () => {
    const error = failure('a\nb\n{{ s | from_json }}', { s: '{not json' }, 4);
    expect(error.code).toBe('TemplateError');
    expect(error.message).toContain('from_json');
    expect(error.location.line).toBe(6);
  });

  it('refuses to print a function or an undefined result', () => {
    expect(failure('{{ uuid }}').code).toBe('TemplateError');
    expect(failure('{{ [] | first }}').code).toBe('TemplateError');
  });

  it('reports other run-time errors (calling a non-function) as TemplateError at their line', () => {
    const error = failure('a\n{{ s() }}', { s: 'text' }, 3);
    expect(error.code).toBe('TemplateError');
    expect(error.message).toContain('not a function');
    expect(error.location.line).toBe(4);
  });

  it('refuses to loop over a scalar or null', () => {
    expect(failure('{% for x in n %}{% endfor %}', { n: 3 }).message).toContain('cannot loop');
    expect(failure('{% for x in n %}{% endfor %}', { n: null }).message).toContain('cannot loop');
  });

  it('omits the resource when none is given', () => {
    try {
      renderTemplate({ text: '{{ x }}', file: 'm.yml', line: 3 }, {});
    } catch (error) {
      expect((error as DeployError).location).toEqual({ file: 'm.yml', line: 3 });
      expect((error as DeployError).message).not.toContain('resource');
      return;
    }
    throw new Error('expected a failure');
  });
});

describe('renderTemplate: a text whose only tags are {{ name }}', () => {
  // `…{{ '' }}` prints the same but has another tag: it goes through the compiled template.
  const compiled = (text: string): string => `${text}{{ '' }}`;
  const outcome = (text: string, context: Record<string, unknown>): unknown => {
    try {
      return render(text, context, 5);
    } catch (error) {
      const e = error as DeployError;
      return { code: e.code, message: e.message, hint: e.hint, location: e.location };
    }
  };

  it.each([
    ['a string', 'x'],
    ['a number', 42],
    ['a boolean', false],
    ['null', null],
    ['a mapping', { a: [1, 'b'] }],
    ['a list', [1, 2]],
    ['an unknown value', '«unknown:api.api_id»'],
    ['a function', () => 1],
    ['undefined', undefined],
  ])('renders %s exactly as the compiled template does, failures included', (_what, value) => {
    for (const text of ['{{ v }}', '{{v}}', '{{   v }}']) {
      expect(outcome(text, { v: value, vv: 1 })).toEqual(outcome(compiled(text), { v: value, vv: 1 }));
    }
  });

  it('misses a name the context lacks as the compiled template does, hints included', () => {
    expect(outcome('{{ regoin }}', { region: 'x' })).toEqual(outcome(compiled('{{ regoin }}'), { region: 'x' }));
  });

  it.each([
    ["INSERT INTO t (a, b)\nSELECT '{{ a }}', '{{b}}';\n", 'two tags around text'],
    ['{ "k": "{{ a }}" }} { z', 'braces that are not tags'],
    ['{{ a }}{{ b }}\n\n{{ a }}', 'tags side by side and over lines'],
    ['a\n{{\n  b\n}}\n{{ c }}', 'a tag over lines, then a missing name on the last line'],
    ['x\n\n  {{ missing }} y', 'a missing name on the third line'],
    ['{{ a }}\n{{ m }}', 'an unprintable value on the second line'],
  ])('renders %j (%s) as the compiled template does, failures and their lines included', (text) => {
    const context = { a: 'A', b: 7, m: { toJSON: () => ({}), f: () => 1 }, c: undefined };
    expect(outcome(text, context)).toEqual(outcome(compiled(text), context));
  });

  it('leaves every other tag to the template engine', () => {
    const context = { a: 'A', b: { c: 'C' } };
    expect(failure('{{{ a }}', context).code).toBe('TemplateSyntax'); // the first `{{` opens the tag
    expect(render('{{ b.c }}-{{ a | lower }}-{% if a %}y{% endif %}{# no #}', context)).toBe('C-a-y');
    expect(render('[ {{- a -}} ]', context)).toBe('[A]');
    expect(render('{{ a }} {{ "q" }}', context)).toBe('A q');
  });

  it('leaves literals and globals to the template engine', () => {
    expect(render('{{ True }} {{ none }}')).toBe('true null');
    expect(render('{{ None }}')).toBe('null');
    expect(failure('{{ uuid }}').message).toContain('function');
    expect(failure('{{ constructor }}').message).toContain('function');
  });
});
