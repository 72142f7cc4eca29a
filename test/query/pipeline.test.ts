import { describe, expect, it } from 'vitest';
import { checkCreate, parseStatement, splitAnchors, type CreateOperation } from '../../src/query/index.js';
import { schemaRegistry } from '../../src/schema/index.js';
import { errorOf } from './helpers.js';

const FILE = 'resources/integration.iql';

/** A rendered query file for an integration, as a stack would hold it. */
const SOURCE = `-- integration of the chat API with its Lambda
/*+ exists */
SELECT count(*) as count
FROM awscc.apigatewayv2.integrations
WHERE region = 'us-east-1'
AND Identifier = 'abc123|int456';

/*+ create, retries=3, retry_delay=5 */
INSERT INTO awscc.apigatewayv2.integrations (
  ApiId,
  IntegrationType,
  IntegrationUri,
  TimeoutInMillis,
  IntegrationTyp,
  region
)
SELECT
  'abc123',
  'AWS_PROXY',
  'arn:aws:lambda:us-east-1:123456789012:function:chat',
  '29000',
  'AWS_PROXY',
  'us-east-1';

/*+ update */
UPDATE awscc.apigatewayv2.integrations
SET PatchDocument = string('[{"op": "replace", "path": "/TimeoutInMillis", "value": 29000}]')
WHERE Identifier = 'abc123|int456'
AND region = 'us-east-1';

/*+ exports */
SELECT integration_id
FROM awscc.apigatewayv2.integrations
WHERE region = 'us-east-1'
AND Identifier = 'abc123|int456';

/*+ delete */
DELETE FROM awscc.apigatewayv2.integrations
WHERE Identifier = 'abc123|int456'
AND region = 'us-east-1';
`;

function operations() {
  const registry = schemaRegistry();
  return splitAnchors(SOURCE, FILE).map((block) => ({
    block,
    op: parseStatement(block.text, { file: FILE, line: block.bodyLine, resource: 'integration', registry }),
  }));
}

describe('anchor blocks → operations', () => {
  it('parses every block of a query file', () => {
    expect(operations().map(({ block, op }) => [block.anchor, op.kind, block.line, block.bodyLine])).toEqual([
      ['exists', 'select', 2, 3],
      ['create', 'create', 8, 9],
      ['update', 'update', 25, 26],
      ['exports', 'select', 31, 32],
      ['delete', 'delete', 37, 38],
    ]);
    expect(operations()[1]?.block.options).toEqual({ retries: 3, retry_delay: 5 });
  });

  it('maps check errors to the lines of the file', () => {
    const registry = schemaRegistry();
    const { block, op } = operations()[1] as { block: { bodyLine: number }; op: CreateOperation };
    const ctx = { file: FILE, line: block.bodyLine, resource: 'integration', registry };
    const errors = checkCreate(op, registry.resolve(op.typeName), ctx);
    expect(errors.map((e) => [e.code, e.where(), e.hint])).toEqual([
      ['UnknownProperty', `${FILE}:14`, "did you mean 'IntegrationType'?"],
    ]);
  });

  it('maps parse errors to the lines of the file', () => {
    const source = SOURCE.replace("  '29000',", "  'soon',");
    const block = splitAnchors(source, FILE)[1];
    if (block === undefined) throw new Error('no create block');
    const error = errorOf(() =>
      parseStatement(block.text, { file: FILE, line: block.bodyLine, registry: schemaRegistry() }),
    );
    expect(error.code).toBe('InvalidValue');
    expect(error.where()).toBe(`${FILE}:21`);
  });
});
