import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirm } from '../../src/ui/index.js';

async function ask(typed: string | null): Promise<{ answer: boolean; shown: string }> {
  const input = new PassThrough();
  let shown = '';
  const pending = confirm('Apply these changes? Only "yes" will be accepted:', {
    input,
    output: { write: (s) => ((shown += s), true) },
  });
  if (typed === null) input.end();
  else input.write(typed);
  return { answer: await pending, shown };
}

describe('confirm', () => {
  it.each([
    ['yes\n', true],
    ['  YES \n', true],
    ['Yes\r\n', true],
    // The question says only 'yes' will be accepted, so 'y' is not.
    ['y\n', false],
    ['no\n', false],
    ['\n', false],
    ['yess\n', false],
    ['sure\n', false],
  ])('%j → %s', async (typed, expected) => {
    expect((await ask(typed)).answer).toBe(expected);
  });

  it('writes the question and treats the input ending as no', async () => {
    const { answer, shown } = await ask(null);
    expect(answer).toBe(false);
    expect(shown).toBe('Apply these changes? Only "yes" will be accepted: ');
  });

  it('treats Ctrl-C at the question (its signal aborting) as no', async () => {
    const controller = new AbortController();
    const pending = confirm('Apply?', {
      input: new PassThrough(),
      output: { write: () => true },
      signal: controller.signal,
    });
    controller.abort();
    expect(await pending).toBe(false);
  });
});
