import { describe, expect, it } from 'vitest';
import { unknownToken } from '../../src/template/unknown.js';
import { parse, parseError } from './helpers.js';

const PATCH = '[{"op": "replace", "path": "/TimeoutInMillis", "value": 29000}]';

describe('UPDATE → update', () => {
  it.each([
    ['aws', 'data__PatchDocument', 'data__Identifier'],
    ['awscc', 'PatchDocument', 'Identifier'],
    ['aws', 'PatchDocument', 'data__Identifier'],
    ['awscc', 'data__PatchDocument', 'Identifier'],
  ])('parses %s. with %s and %s', (provider, patchColumn, idColumn) => {
    const op = parse(`UPDATE ${provider}.apigatewayv2.integrations
SET ${patchColumn} = string('${PATCH}')
WHERE ${idColumn} = 'abc123|int456'
AND region = 'us-east-1';`);
    expect(op).toEqual({
      kind: 'update',
      typeName: 'AWS::ApiGatewayV2::Integration',
      stackqlName: `${provider}.apigatewayv2.integrations`,
      region: 'us-east-1',
      identifier: 'abc123|int456',
      patch: [{ op: 'replace', path: '/TimeoutInMillis', value: 29000 }],
    });
  });

  it('accepts the conditions in any order, lower case, with comments and RETURNING', () => {
    const op = parse(`update aws.logs.log_groups -- retention
set data__patchdocument = '[{"op":"add","path":"/RetentionInDays","value":14}]'
where region = 'eu-west-1' /* then the id */ and DATA__IDENTIFIER = 'g1'
returning *`);
    expect(op).toMatchObject({
      kind: 'update',
      typeName: 'AWS::Logs::LogGroup',
      region: 'eu-west-1',
      identifier: 'g1',
      returning: ['*'],
    });
  });

  it('quotes bare unknown tokens in the patch so it stays parseable', () => {
    const token = unknownToken('settings.timeout');
    const op =
      parse(`UPDATE aws.apigatewayv2.integrations SET data__PatchDocument = '[{"op":"add","path":"/TimeoutInMillis","value":${token}}]'
WHERE data__Identifier = 'a|b' AND region = 'us-east-1'`);
    expect(op.kind === 'update' && op.patch).toEqual([{ op: 'add', path: '/TimeoutInMillis', value: token }]);
  });

  it('rejects a patch that is not valid JSON at its line', () => {
    const error = parseError(
      `UPDATE aws.apigatewayv2.integrations
SET data__PatchDocument = '[
  {"op": "add", "path" "/Description"}
]'
WHERE data__Identifier = 'a|b' AND region = 'us-east-1'`,
      20,
    );
    expect(error.code).toBe('InvalidJson');
    expect(error.message).toContain('data__PatchDocument is not valid JSON');
    expect(error.location).toEqual({ file: 'resources/integration.iql', line: 22, resource: 'integration' });
  });

  it('rejects a patch that is not an array, or has a bad operation', () => {
    const sql = (patch: string): string =>
      `UPDATE aws.apigatewayv2.integrations SET data__PatchDocument = '${patch}' WHERE data__Identifier = 'a|b' AND region = 'us-east-1'`;
    const notArray = parseError(sql('{"op": "add"}'));
    expect(notArray.code).toBe('InvalidPatch');
    expect(notArray.message).toContain('must be a JSON array');
    expect(parseError(sql('[{"op": "upsert", "path": "/A"}]')).message).toContain('expected one of add, remove');
    const prefixed = parseError(sql('[{"op": "add", "path": "/properties/Description", "value": "x"}]'));
    expect(prefixed.hint).toContain('relative to the resource');
  });

  it('rejects SET of anything but the patch document', () => {
    const error = parseError(
      "UPDATE aws.apigatewayv2.integrations SET Description = 'x' WHERE data__Identifier = 'a|b' AND region = 'us-east-1'",
    );
    expect(error.code).toBe('UnsupportedStatement');
    expect(error.hint).toContain('"path": "/Description"');
  });

  it('requires the identifier and refuses other conditions', () => {
    const missing = parseError(
      `UPDATE aws.apigatewayv2.integrations SET data__PatchDocument = '[]'\nWHERE region = 'us-east-1'`,
      5,
    );
    expect(missing.code).toBe('MissingIdentifier');
    expect(missing.location.line).toBe(6);
    const filtered = parseError(
      "UPDATE aws.apigatewayv2.integrations SET data__PatchDocument = '[]' WHERE data__Identifier = 'a|b' AND region = 'us-east-1' AND api_id = 'a'",
    );
    expect(filtered.code).toBe('UnsupportedStatement');
    expect(filtered.message).toContain("filter on 'api_id'");
  });
});

describe('DELETE → delete', () => {
  it.each([
    ['aws', 'data__Identifier'],
    ['awscc', 'Identifier'],
  ])('parses %s. with %s', (provider, idColumn) => {
    const op = parse(`/*+ delete */
DELETE FROM ${provider}.apigatewayv2.integrations
WHERE ${idColumn} = 'abc123|int456'
AND region = 'us-east-1';`);
    expect(op).toEqual({
      kind: 'delete',
      typeName: 'AWS::ApiGatewayV2::Integration',
      stackqlName: `${provider}.apigatewayv2.integrations`,
      region: 'us-east-1',
      identifier: 'abc123|int456',
    });
  });

  it('keeps an unknown identifier as its token', () => {
    const id = `${unknownToken('api.api_id')}|${unknownToken('integration.integration_id')}`;
    const op = parse(
      `DELETE FROM aws.apigatewayv2.integrations WHERE region = 'us-east-1' AND data__Identifier = '${id}'`,
    );
    expect(op.kind === 'delete' && op.identifier).toBe(id);
  });

  it('requires a region and an identifier', () => {
    const noRegion = parseError("DELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = 'abc'");
    expect(noRegion.code).toBe('MissingRegion');
    expect(noRegion.hint).toContain("region = '{{ region }}'");
    expect(parseError("DELETE FROM aws.apigatewayv2.apis WHERE region = 'us-east-1'").code).toBe('MissingIdentifier');
    expect(parseError('DELETE FROM aws.apigatewayv2.apis').code).toBe('MissingRegion');
  });
});
