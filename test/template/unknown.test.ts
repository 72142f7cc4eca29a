import { describe, expect, it } from 'vitest';
import {
  containsUnknown,
  renderTemplate,
  unknownPaths,
  unknownResource,
  unknownToken,
  unknownValue,
} from '../../src/template/index.js';

const render = (text: string, context: Record<string, unknown>): string =>
  renderTemplate({ text, file: 'f.iql', line: 1, resource: 'route' }, context);

const plan = { api: unknownResource('api'), api_id: unknownValue('api.api_id'), region: 'us-east-1' };

describe('unknown values at plan time', () => {
  it('renders an unknown resource as its token and its attributes as longer tokens', () => {
    expect(render('{{ api }}', plan)).toBe(unknownToken('api'));
    expect(render("ApiId = '{{ api.api_id }}'", plan)).toBe(`ApiId = '${unknownToken('api.api_id')}'`);
    expect(render('{{ api.config.timeout }} {{ api["x"] }}', plan)).toBe(
      `${unknownToken('api.config.timeout')} ${unknownToken('api.x')}`,
    );
  });

  it('renders a bare unknown export as its token, inside other text', () => {
    const out = render("SELECT '{{ api_id }}-{{ region }}'", plan);
    expect(out).toBe(`SELECT '${unknownToken('api.api_id')}-us-east-1'`);
    expect(unknownPaths(out)).toEqual(['api.api_id']);
  });

  it('is defined and truthy: it exists, its value is just not known yet', () => {
    expect(render('{{ api.api_id is defined }} {% if api_id %}yes{% endif %}', plan)).toBe('true yes');
  });

  it('survives concatenation and string filters', () => {
    expect(render("{{ 'arn:' ~ api_id }}", plan)).toBe(`arn:${unknownToken('api.api_id')}`);
    expect(render('{{ api_id | sql_escape }}', plan)).toBe(unknownToken('api.api_id'));
  });

  it('tojson of structures holding unknowns keeps the tokens in the JSON', () => {
    const out = render('{{ [api.api_id, "x"] | tojson }} {{ {"ApiId": api_id} | tojson }}', plan);
    expect(out).toBe(`["${unknownToken('api.api_id')}","x"] {"ApiId":"${unknownToken('api.api_id')}"}`);
    expect(containsUnknown(out)).toBe(true);
  });

  it('base64 of an unknown stays the unknown token of the same path', () => {
    expect(render('{{ api.user_data | base64_encode }}', plan)).toBe(unknownToken('api.user_data'));
    expect(render("{{ ('#!/bin/sh\\n' ~ api_id) | base64_encode }}", plan)).toBe(unknownToken('api.api_id'));
  });

  it('from_json of an unknown stays unknown, and its attributes are unknown', () => {
    expect(render('{{ (api.policy | from_json).Statement }}', plan)).toBe(unknownToken('api.policy.Statement'));
  });

  it('structure filters return the unknown inputs when they cannot compute', () => {
    expect(render('{{ [1] | merge_lists(api.tags) }}', plan)).toBe(unknownToken('api.tags'));
    expect(render('{{ {"a": 1} | merge_objects(api.cfg) }}', plan)).toBe(unknownToken('api.cfg'));
    expect(render('{{ api.ids | sql_list }}', plan)).toBe(`(${unknownToken('api.ids')})`);
    expect(render('{{ api.props | generate_patch_document }}', plan)).toBe(unknownToken('api.props'));
  });

  it('keeps unknown values inside a patch document', () => {
    const out = render('{{ {"Target": api_id} | generate_patch_document }}', plan);
    expect(JSON.parse(out)).toEqual([{ op: 'add', path: '/Target', value: unknownToken('api.api_id') }]);
  });

  it('loops over an unknown list once, with an unknown element', () => {
    expect(render('{% for t in api.tags %}{{ t.Key }};{% endfor %}', plan)).toBe(`${unknownToken('api.tags[*].Key')};`);
    expect(render('{% for k, v in api.cfg.items() %}{{ k }}={{ v }}{% endfor %}', plan)).toBe(
      `${unknownToken('api.cfg[*][0]')}=${unknownToken('api.cfg[*][1]')}`,
    );
  });
});
