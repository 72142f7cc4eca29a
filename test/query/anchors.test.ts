import { describe, expect, it } from 'vitest';
import { ANCHOR_NAMES, splitAnchors } from '../../src/query/index.js';
import { errorOf } from './helpers.js';

const FILE = 'resources/api.iql';

describe('splitAnchors', () => {
  it('splits blocks with their anchor line, body line and text', () => {
    const source = [
      '/*+ exists */', // 1
      'SELECT count(*) as count', // 2
      'FROM aws.apigatewayv2.apis', // 3
      "WHERE region = 'us-east-1';", // 4
      '', // 5
      '/*+ create */', // 6
      '', // 7
      'INSERT INTO aws.apigatewayv2.apis (Name, region)', // 8
      "SELECT 'x', 'us-east-1';", // 9
      '', // 10
    ].join('\n');
    const blocks = splitAnchors(source, FILE);
    expect(blocks).toEqual([
      {
        anchor: 'exists',
        options: {},
        text: "SELECT count(*) as count\nFROM aws.apigatewayv2.apis\nWHERE region = 'us-east-1';",
        line: 1,
        bodyLine: 2,
      },
      {
        anchor: 'create',
        options: {},
        text: "INSERT INTO aws.apigatewayv2.apis (Name, region)\nSELECT 'x', 'us-east-1';",
        line: 6,
        bodyLine: 8,
      },
    ]);
  });

  it('parses options: counts become numbers, the short-circuit texts stay strings', () => {
    const [block] = splitAnchors(
      "/*+ statecheck, retries=3, retry_delay=5, short_circuit_field=status, short_circuit_value = 'ok' */\nSELECT 1",
      FILE,
    );
    expect(block?.anchor).toBe('statecheck');
    expect(block?.options).toEqual({
      retries: 3,
      retry_delay: 5,
      short_circuit_field: 'status',
      short_circuit_value: 'ok',
    });
  });

  it.each(['retries=abc', 'retries=-1', 'retry_delay=1.5', 'colour=red', 'mode=fast'])(
    'refuses the option %s',
    (option) => {
      let code: string | undefined;
      try {
        splitAnchors(`/*+ create, ${option} */\nSELECT 1`, FILE);
      } catch (error) {
        code = (error as { code?: string }).code;
      }
      expect(code).toBe('InvalidAnchorOption');
    },
  );

  it('accepts indented anchors, CRLF line endings and upper-case names', () => {
    const blocks = splitAnchors('  /*+ DELETE */\r\nDELETE FROM x\r\n\t/*+ exports */\r\nSELECT 1\r\n', FILE);
    expect(blocks.map((b) => [b.anchor, b.line, b.bodyLine, b.text])).toEqual([
      ['delete', 1, 2, 'DELETE FROM x'],
      ['exports', 3, 4, 'SELECT 1'],
    ]);
  });

  it('keeps a statement written on the anchor line itself', () => {
    const [block] = splitAnchors('-- header\n/*+ exists */ SELECT 1\nFROM t', FILE);
    expect(block).toMatchObject({ anchor: 'exists', line: 2, bodyLine: 2, text: ' SELECT 1\nFROM t' });
  });

  it('keeps inner blank lines and comments of the body', () => {
    const [block] = splitAnchors('/*+ update */\nUPDATE x\n\n-- note\nSET y\n\n\n', FILE);
    expect(block?.text).toBe('UPDATE x\n\n-- note\nSET y');
  });

  it('allows blanks and comments before the first anchor', () => {
    const source = '\n-- a comment\n/* a block\n   comment */\n{# a template comment #}\n\n/*+ create */\nINSERT';
    expect(splitAnchors(source, FILE).map((b) => [b.anchor, b.line])).toEqual([['create', 7]]);
  });

  it('returns no blocks for an empty or comment-only file', () => {
    expect(splitAnchors('', FILE)).toEqual([]);
    expect(splitAnchors('-- nothing yet\n', FILE)).toEqual([]);
  });

  it('accepts every anchor name', () => {
    const source = ANCHOR_NAMES.map((name) => `/*+ ${name} */\nSELECT 1`).join('\n');
    expect(splitAnchors(source, FILE).map((b) => b.anchor)).toEqual([...ANCHOR_NAMES]);
  });

  it('rejects an unknown anchor with its line and a did-you-mean hint', () => {
    const error = errorOf(() => splitAnchors('/*+ exists */\nSELECT 1\n\n/*+ statecheckk */\nSELECT 2', FILE));
    expect(error.code).toBe('UnknownAnchor');
    expect(error.location).toEqual({ file: FILE, line: 4 });
    expect(error.message).toContain('statecheckk');
    expect(error.hint).toContain("did you mean 'statecheck'");
    expect(error.hint).toContain(
      'valid anchors: create, update, createorupdate, delete, exists, statecheck, exports, command, callback, troubleshoot',
    );
  });

  it('lists the valid anchors when nothing is close', () => {
    const error = errorOf(() => splitAnchors('/*+ frobnicate */\nSELECT 1', FILE));
    expect(error.code).toBe('UnknownAnchor');
    expect(error.hint).toMatch(/^valid anchors: /);
  });

  it('accepts callback and troubleshoot bound to an operation, and refuses other operations', () => {
    const blocks = splitAnchors(
      '/*+ callback:create, retries=10, short_circuit_field=ProgressEvent.OperationStatus */\nSELECT 1\n/*+ troubleshoot:delete */\nSELECT 2',
      FILE,
    );
    expect(blocks.map((b) => b.anchor)).toEqual(['callback:create', 'troubleshoot:delete']);
    expect(blocks[0]?.options).toEqual({ retries: 10, short_circuit_field: 'ProgressEvent.OperationStatus' });
    const error = errorOf(() => splitAnchors('/*+ callback:replace */\nSELECT 1', FILE));
    expect(error.code).toBe('UnknownAnchor');
    expect(error.hint).toContain('callback:create, callback:update or callback:delete');
  });

  it('rejects a duplicate anchor, naming both lines', () => {
    const error = errorOf(() =>
      splitAnchors('/*+ create */\nINSERT 1\n/*+ delete */\nDELETE\n/*+ create */\nINSERT 2', FILE),
    );
    expect(error.code).toBe('DuplicateAnchor');
    expect(error.location).toEqual({ file: FILE, line: 5 });
    expect(error.message).toContain('lines 1 and 5');
  });

  it('treats an alias and its anchor as duplicates', () => {
    const error = errorOf(() => splitAnchors('/*+ exists */\nSELECT 1\n/*+ preflight */\nSELECT 2', FILE));
    expect(error.code).toBe('DuplicateAnchor');
    expect(error.message).toContain("as 'exists' and 'preflight'");
  });

  it('rejects text before the first anchor with its line', () => {
    const error = errorOf(() => splitAnchors('-- ok\n\nSELECT 1;\n/*+ exists */\nSELECT 1', FILE));
    expect(error.code).toBe('TextOutsideAnchor');
    expect(error.location).toEqual({ file: FILE, line: 3 });
  });

  it('rejects text after a multi-line comment at the right line', () => {
    const error = errorOf(() => splitAnchors('/* one\ntwo */\n{% set x = 1 %}\n/*+ exists */\nSELECT 1', FILE));
    expect(error.code).toBe('TextOutsideAnchor');
    expect(error.location.line).toBe(3);
  });

  it('rejects a file of statements without any anchor', () => {
    expect(errorOf(() => splitAnchors('SELECT 1', FILE)).code).toBe('TextOutsideAnchor');
  });

  it('rejects malformed anchors and options', () => {
    expect(errorOf(() => splitAnchors('/*+ create\nINSERT', FILE)).code).toBe('MalformedAnchor');
    expect(errorOf(() => splitAnchors('/*+ */\nINSERT', FILE)).code).toBe('MalformedAnchor');
    const option = errorOf(() => splitAnchors('\n/*+ exists, retries */\nSELECT 1', FILE));
    expect(option.code).toBe('InvalidAnchorOption');
    expect(option.location.line).toBe(2);
  });
});
