/**
 * Splits a query file (`resources/<name>.iql`) into its anchor blocks. It runs on the
 * unrendered file so every line number maps to the file the user edits; each block is rendered
 * on its own afterwards, starting at its `bodyLine`.
 */
import { DeployError } from '../errors/index.js';
import { parseAnchorHeader, type AnchorName } from './anchor-header.js';

export interface AnchorBlock {
  anchor: AnchorName;
  /** `retries=3` → `{ retries: 3 }`; integers become numbers, other values stay strings. */
  options: Record<string, number | string>;
  /** The statement text under the anchor (leading blank lines and trailing blanks removed). */
  text: string;
  /** 1-based line of the anchor comment. */
  line: number;
  /** 1-based line where `text` starts. */
  bodyLine: number;
}

const ANCHOR_LINE = /^\s*\/\*\+/;

export function splitAnchors(source: string, file: string): AnchorBlock[] {
  const lines = source.split(/\r?\n/);
  const starts = lines.flatMap((text, index) => (ANCHOR_LINE.test(text) ? [index] : []));
  checkPreamble(lines.slice(0, starts[0] ?? lines.length).join('\n'), file);

  const blocks: AnchorBlock[] = [];
  const seen = new Map<AnchorName, { line: number; written: string }>();
  starts.forEach((start, i) => {
    const line = start + 1;
    const header = parseAnchorHeader(lines[start] as string, file, line);
    const previous = seen.get(header.anchor);
    if (previous) {
      const names =
        previous.written === header.written
          ? `'${header.anchor}'`
          : `'${header.anchor}' (as '${previous.written}' and '${header.written}')`;
      throw new DeployError('DuplicateAnchor', `anchor ${names} appears twice: lines ${previous.line} and ${line}`, {
        file,
        line,
        hint: 'keep one block per anchor (stackql-deploy silently let the later one win)',
      });
    }
    seen.set(header.anchor, { line, written: header.written });

    // A statement may start on the anchor's own line: `/*+ exists */ SELECT ...`.
    const body = lines.slice(start + 1, starts[i + 1] ?? lines.length);
    let bodyLine = line + 1;
    if (header.rest.trim() !== '') {
      body.unshift(header.rest);
      bodyLine = line;
    }
    while (body.length > 0 && (body[0] as string).trim() === '') {
      body.shift();
      bodyLine++;
    }
    blocks.push({ anchor: header.anchor, options: header.options, text: body.join('\n').trimEnd(), line, bodyLine });
  });
  return blocks;
}

/**
 * Text before the first anchor belongs to no block, so it would be silently dropped: allow only
 * blanks and comments (SQL `--`, `/* *\/`, and template `{# #}`) there.
 */
function checkPreamble(text: string, file: string): void {
  let i = 0;
  let line = 1;
  const skipTo = (end: string, from: number): number => {
    const at = text.indexOf(end, from);
    const stop = at < 0 ? text.length : at + end.length;
    for (let j = i; j < stop; j++) if (text[j] === '\n') line++;
    return stop;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\n') {
      line++;
      i++;
    } else if (/\s/.test(ch)) i++;
    else if (text.startsWith('--', i)) i = skipTo('\n', i);
    else if (text.startsWith('/*', i)) i = skipTo('*/', i + 2);
    else if (text.startsWith('{#', i)) i = skipTo('#}', i + 2);
    else {
      throw new DeployError('TextOutsideAnchor', 'text before the first anchor belongs to no block', {
        file,
        line,
        hint: 'put each statement under an anchor such as /*+ create */ or /*+ exists */, or make it a comment',
      });
    }
  }
}
