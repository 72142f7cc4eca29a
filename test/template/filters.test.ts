import { describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { renderTemplate } from '../../src/template/index.js';

const render = (text: string, context: Record<string, unknown> = {}): string =>
  renderTemplate({ text, file: 'f.iql', line: 1 }, context);

function failure(text: string, context: Record<string, unknown> = {}): DeployError {
  try {
    render(text, context);
  } catch (error) {
    if (DeployError.is(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('from_json', () => {
  it('parses JSON text into structures usable in loops and lookups', () => {
    expect(render('{% for t in s | from_json %}{{ t.Key }};{% endfor %}', { s: '[{"Key":"a"},{"Key":"b"}]' })).toBe(
      'a;b;',
    );
    expect(render('{{ (s | from_json).a.b }}', { s: '{"a":{"b":7}}' })).toBe('7');
    expect(render('{{ s | from_json }}', { s: ' [1, 2] ' })).toBe('[1,2]');
  });

  it('passes structures through unchanged (props stay structured here)', () => {
    expect(render('{{ (tags | from_json)[0].Key }}', { tags: [{ Key: 'k' }] })).toBe('k');
    expect(render('{{ n | from_json }}', { n: 5 })).toBe('5');
  });

  it('fails with TemplateError on invalid JSON', () => {
    const error = failure('{{ s | from_json }}', { s: "{'single': 'quotes'}" });
    expect(error.code).toBe('TemplateError');
    expect(error.message).toMatch(/from_json.*not valid JSON/);
    expect(error.location.line).toBe(1);
  });
});

describe('tojson', () => {
  it('gives compact JSON of any value', () => {
    expect(render('{{ x | tojson }}', { x: { a: [1, { b: null }], c: 'q"uote' } })).toBe(
      '{"a":[1,{"b":null}],"c":"q\\"uote"}',
    );
    expect(render('{{ "text" | tojson }}')).toBe('"text"');
    expect(render('{{ 3 | tojson }} {{ true | tojson }} {{ None | tojson }}')).toBe('3 true null');
  });

  it('accepts an indent', () => {
    expect(render('{{ x | tojson(2) }}', { x: { a: 1 } })).toBe('{\n  "a": 1\n}');
    expect(render('{{ x | tojson(indent=2) }}', { x: { a: 1 } })).toBe('{\n  "a": 1\n}');
  });
});

describe('base64_encode', () => {
  it('encodes the UTF-8 bytes of the text', () => {
    expect(render('{{ s | base64_encode }}', { s: '#!/bin/bash\necho hi' })).toBe(
      Buffer.from('#!/bin/bash\necho hi').toString('base64'),
    );
    expect(render('{{ "é€" | base64_encode }}')).toBe(Buffer.from('é€', 'utf8').toString('base64'));
    expect(render('{{ "" | base64_encode }}')).toBe('');
  });

  it('encodes the JSON text of a structure', () => {
    expect(render('{{ x | base64_encode }}', { x: { a: 1 } })).toBe(Buffer.from('{"a":1}').toString('base64'));
  });
});

describe('generate_patch_document', () => {
  it('turns a mapping into add operations', () => {
    const out = render('{{ {"Description": d, "Timeout": 30} | generate_patch_document }}', { d: 'new' });
    expect(JSON.parse(out)).toEqual([
      { op: 'add', path: '/Description', value: 'new' },
      { op: 'add', path: '/Timeout', value: 30 },
    ]);
  });

  it('inlines strings that hold JSON objects or lists, keeps other strings', () => {
    const out = render('{{ p | generate_patch_document }}', {
      p: { Tags: '[{"Key":"a","Value":"b"}]', Cfg: '{"x":1}', Name: '123', Broken: '{not json' },
    });
    expect(JSON.parse(out)).toEqual([
      { op: 'add', path: '/Tags', value: [{ Key: 'a', Value: 'b' }] },
      { op: 'add', path: '/Cfg', value: { x: 1 } },
      { op: 'add', path: '/Name', value: '123' },
      { op: 'add', path: '/Broken', value: '{not json' },
    ]);
  });

  it('accepts the mapping as JSON text, escapes JSON-pointer characters, handles empty input', () => {
    expect(JSON.parse(render('{{ s | generate_patch_document }}', { s: '{"a/b~c": 1}' }))).toEqual([
      { op: 'add', path: '/a~1b~0c', value: 1 },
    ]);
    expect(render('{{ {} | generate_patch_document }}')).toBe('[]');
  });

  it('fails on a list', () => {
    expect(failure('{{ [1] | generate_patch_document }}').message).toContain('expected a mapping');
  });
});

describe('merge_lists', () => {
  it('unions two lists, dropping JSON-equal duplicates, keeping order', () => {
    const out = render('{{ a | merge_lists(b) }}', {
      a: [
        { Key: 'Name', Value: 'x' },
        { Key: 'env', Value: 'dev' },
      ],
      b: [
        { Value: 'dev', Key: 'env' },
        { Key: 'owner', Value: 'me' },
      ],
    });
    expect(JSON.parse(out)).toEqual([
      { Key: 'Name', Value: 'x' },
      { Key: 'env', Value: 'dev' },
      { Key: 'owner', Value: 'me' },
    ]);
  });

  it('accepts JSON list strings and dedupes within a list', () => {
    expect(render('{{ a | merge_lists(b) }}', { a: '[1, 1, 2]', b: '[2, 3]' })).toBe('[1,2,3]');
    expect(render('{{ [] | merge_lists([]) }}')).toBe('[]');
  });

  it('fails when an input is not a list', () => {
    expect(failure('{{ a | merge_lists(b) }}', { a: [1], b: { k: 1 } }).message).toContain('expected a list');
  });
});

describe('merge_objects', () => {
  it('merges shallowly, the right side winning', () => {
    expect(render('{{ a | merge_objects(b) }}', { a: { x: 1, y: { deep: 1 } }, b: { y: { other: 2 }, z: 3 } })).toBe(
      '{"x":1,"y":{"other":2},"z":3}',
    );
  });

  it('accepts JSON object strings and fails on lists', () => {
    expect(render('{{ a | merge_objects(b) }}', { a: '{"x":1}', b: '{"x":2}' })).toBe('{"x":2}');
    expect(failure('{{ a | merge_objects(b) }}', { a: [1], b: {} }).message).toContain('expected a mapping');
  });
});

describe('sql_escape', () => {
  it('doubles single quotes', () => {
    expect(render("'{{ s | sql_escape }}'", { s: "it's 'quoted'" })).toBe("'it''s ''quoted'''");
    expect(render('{{ s | sql_escape }}', { s: 'plain' })).toBe('plain');
  });

  it('escapes the JSON of a structure and the text of a number', () => {
    expect(render('{{ p | sql_escape }}', { p: { q: "a'b" } })).toBe(`{"q":"a''b"}`);
    expect(render('{{ 5 | sql_escape }}')).toBe('5');
  });
});

describe('sql_list', () => {
  it('renders a SQL IN list with quotes escaped', () => {
    expect(render('{{ l | sql_list }}', { l: ['a', "b'c", 3] })).toBe("('a','b''c','3')");
  });

  it('renders (NULL) for an empty list', () => {
    expect(render('{{ [] | sql_list }}')).toBe('(NULL)');
    expect(render('{{ s | sql_list }}', { s: '[]' })).toBe('(NULL)');
  });

  it('reads JSON list strings, and any other string as one item', () => {
    expect(render('{{ s | sql_list }}', { s: '["x","y"]' })).toBe("('x','y')");
    expect(render('{{ s | sql_list }}', { s: 'solo' })).toBe("('solo')");
  });
});

describe('to_aws_tag_filters', () => {
  it('turns {Key, Value} tags into the tagging API TagFilters, also from JSON text', () => {
    const tags = [
      { Key: 'stackql:stack-name', Value: 'demo' },
      { Key: 'stackql:stack-env', Value: 'dev' },
    ];
    const expected = '[{"Key":"stackql:stack-name","Values":["demo"]},{"Key":"stackql:stack-env","Values":["dev"]}]';
    expect(render('{{ t | to_aws_tag_filters }}', { t: tags })).toBe(expected);
    expect(render('{{ t | to_aws_tag_filters }}', { t: JSON.stringify(tags) })).toBe(expected);
  });
});

describe('Jinja filters nunjucks lacks', () => {
  it('map, unique and items work', () => {
    expect(render('{{ l | map(attribute="Key") | join(",") }}', { l: [{ Key: 'a' }, { Key: 'b' }] })).toBe('a,b');
    expect(render('{{ l | map("upper") | join(",") }}', { l: ['a', 'b'] })).toBe('A,B');
    expect(render('{{ [1, 2, 1] | unique }}')).toBe('[1,2]');
    expect(render('{% for k, v in d | items %}{{ k }}{{ v }}{% endfor %}', { d: { a: 1 } })).toBe('a1');
  });

  it('map(attribute) fails on a missing attribute instead of yielding empty values', () => {
    expect(failure('{{ l | map(attribute="Nope") | join(",") }}', { l: [{ Key: 'a' }] }).message).toContain(
      "no attribute 'Nope'",
    );
  });

  it("nunjucks' own filters still work", () => {
    expect(
      render('{{ l | join(",") }} {{ s | upper }} {{ s | replace("a", "b") }} {{ l | length }}', {
        l: [1, 2],
        s: 'aa',
      }),
    ).toBe('1,2 AA bb 2');
  });
});
