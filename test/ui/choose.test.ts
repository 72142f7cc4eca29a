import { describe, expect, it } from 'vitest';
import { chooseReporter } from '../../src/ui/index.js';

describe('chooseReporter', () => {
  it.each([
    // json, isTTY, env, expected
    [false, true, { TERM: 'xterm-256color' }, 'ink'],
    [false, true, {}, 'ink'],
    [false, false, { TERM: 'xterm-256color' }, 'lines'],
    [false, true, { TERM: 'dumb' }, 'lines'],
    [false, true, { TERM: 'xterm', CI: 'true' }, 'lines'],
    [false, true, { TERM: 'xterm', CI: '1' }, 'lines'],
    [false, true, { TERM: 'xterm', CI: 'false' }, 'ink'],
    [false, true, { TERM: 'xterm', CI: '0' }, 'ink'],
    [false, true, { TERM: 'xterm', CI: '' }, 'ink'],
    [false, false, { CI: 'true' }, 'lines'],
    [true, true, { TERM: 'xterm' }, 'json'],
    [true, false, { CI: 'true' }, 'json'],
    [true, true, { TERM: 'dumb' }, 'json'],
  ] as const)('json=%s tty=%s env=%j → %s', (json, isTTY, env, expected) => {
    expect(chooseReporter({ json, isTTY, env: { ...env } })).toBe(expected);
  });
});
