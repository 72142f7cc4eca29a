import { describe, expect, it } from 'vitest';
import { FILE, parse, parseError } from './helpers.js';

describe('statement errors', () => {
  it('rejects other statements with the accepted forms as hint', () => {
    const error = parseError("\n\nEXEC aws.ec2.instances.reboot @region = 'us-east-1'", 4);
    expect(error.code).toBe('UnsupportedStatement');
    expect(error.location).toEqual({ file: FILE, line: 6, resource: 'integration' });
    expect(error.message).toContain("starting with 'EXEC'");
    expect(error.hint).toContain('INSERT INTO aws.<service>.<resources>');
    expect(error.hint).toContain('SET data__PatchDocument');
    expect(error.hint).toContain('DELETE FROM');
    expect(error.hint).toContain('SELECT <columns> FROM');
    expect(parseError('  -- nothing\n').message).toContain('an empty statement');
  });

  it('points a syntax error at the offending token with the form of its statement', () => {
    const error = parseError("INSERT INTO aws.apigatewayv2.apis\n(Name region)\nSELECT 'a', 'b'", 10);
    expect(error.code).toBe('UnsupportedStatement');
    expect(error.message).toBe("expected ')' but found 'region'");
    expect(error.location.line).toBe(11);
    expect(error.hint).toContain('INSERT INTO');
  });

  it('rejects a second statement in one block', () => {
    const error = parseError(
      "DELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = 'a' AND region = 'r';\nDELETE FROM x",
    );
    expect(error.message).toContain('second statement');
    expect(error.location.line).toBe(2);
  });

  it('rejects an INSERT whose columns and values differ in number, naming both counts', () => {
    const error = parseError(
      `INSERT INTO aws.apigatewayv2.integrations (ApiId, IntegrationType, IntegrationUri, region)
SELECT 'a', 'AWS_PROXY', 'us-east-1'`,
      3,
    );
    expect(error.code).toBe('ColumnCountMismatch');
    expect(error.message).toBe('INSERT lists 4 columns but 3 values');
    expect(error.location.line).toBe(4);
  });

  it('rejects an INSERT without region', () => {
    const error = parseError("\nINSERT INTO aws.apigatewayv2.apis (Name) SELECT 'a'", 30);
    expect(error.code).toBe('MissingRegion');
    expect(error.location.line).toBe(31);
    expect(error.hint).toContain("'{{ region }}'");
  });

  it('rejects invalid JSON for an object property, naming the property and the line', () => {
    const error = parseError(
      `INSERT INTO aws.apigatewayv2.integrations (ApiId, IntegrationType, TlsConfig, region)
SELECT 'a', 'HTTP_PROXY',
'{"ServerNameToVerify": api.example.com}',
'us-east-1'`,
      12,
    );
    expect(error.code).toBe('InvalidJson');
    expect(error.message).toMatch(/^TlsConfig is not valid JSON: /);
    expect(error.location).toEqual({ file: FILE, line: 14, resource: 'integration' });
  });

  it('points at the failing line inside multi-line JSON when the parser says where', () => {
    const error = parseError(
      `INSERT INTO aws.apigatewayv2.apis (Name, Tags, region) SELECT 'a', '{
  "env": "dev"
  "team": "core"
}', 'us-east-1'`,
    );
    expect(error.code).toBe('InvalidJson');
    expect(error.message).toMatch(/^Tags is not valid JSON: /);
    expect(error.location.line).toBe(3);
  });

  it('rejects an unknown type with the registry suggestion, file, line and resource', () => {
    const error = parseError("SELECT * FROM aws.apigatewayv2.integratoins\nWHERE region = 'us-east-1'", 8);
    expect(error.code).toBe('UnknownType');
    expect(error.location).toEqual({ file: FILE, line: 8, resource: 'integration' });
    expect(error.hint).toContain("'aws.apigatewayv2.integrations'");
    // Singular names are a common slip the registry resolves rather than rejects.
    expect(parse("DELETE FROM awscc.apigatewayv2.integration WHERE Identifier = 'a' AND region = 'r'").typeName).toBe(
      'AWS::ApiGatewayV2::Integration',
    );
  });

  it('keeps the awscc prefix in suggestions', () => {
    const error = parseError("\nINSERT INTO awscc.apigatewayv2.routs (RouteKey, region) SELECT 'a', 'r'");
    expect(error.code).toBe('UnknownType');
    expect(error.location.line).toBe(2);
    expect(error.hint).toContain("'awscc.apigatewayv2.routes'");
  });

  it('rejects other providers and the generic cloud_control resources', () => {
    expect(parseError("SELECT * FROM google.compute.instances WHERE region = 'r'").code).toBe('UnsupportedProvider');
    expect(parseError("SELECT * FROM aws.apigatewayv2 WHERE region = 'r'").code).toBe('UnsupportedProvider');
    const generic = parseError("SELECT * FROM aws.cloud_control.resources WHERE region = 'r'");
    expect(generic.code).toBe('UnsupportedStatement');
    expect(generic.hint).toContain('typed resource');
  });

  it('reports unterminated strings and comments at their start', () => {
    const string = parseError("INSERT INTO aws.apigatewayv2.apis (Name, region)\nSELECT 'a,\n'r'");
    expect(string.code).toBe('UnterminatedString');
    expect(string.location.line).toBe(3);
    const comment = parseError('SELECT *\n/* never closed\nFROM x');
    expect(comment.code).toBe('UnterminatedComment');
    expect(comment.location.line).toBe(2);
  });

  it('rejects a column listed twice and several VALUES rows', () => {
    expect(parseError("INSERT INTO aws.apigatewayv2.apis (Name, Name, region) SELECT 'a', 'b', 'r'").code).toBe(
      'DuplicateColumn',
    );
    expect(
      parseError("INSERT INTO aws.apigatewayv2.apis (Name, region) VALUES ('a', 'r'), ('b', 'r')").message,
    ).toContain('several rows');
  });
});
