/** The yes/no question apply and teardown ask in a terminal before they change anything. */
import { createInterface } from 'node:readline';

/**
 * Writes the question, reads one line: only `yes` (any case, surrounding spaces ignored) means
 * yes, as the question says. Anything else, the input ending first, or `signal` aborting
 * (Ctrl-C at the question) means no: the safe answer to "delete these resources?" is the default.
 */
export function confirm(
  question: string,
  io: { input: NodeJS.ReadableStream; output: { write(s: string): boolean }; signal?: AbortSignal },
): Promise<boolean> {
  io.output.write(/\s$/.test(question) ? question : `${question} `);
  return new Promise((resolve) => {
    // terminal: false, so readline neither echoes nor writes prompts of its own.
    const rl = createInterface({ input: io.input, terminal: false });
    let answered = false;
    const answer = (yes: boolean): void => {
      if (answered) return;
      answered = true;
      io.signal?.removeEventListener('abort', onAbort);
      rl.close();
      resolve(yes);
    };
    const onAbort = (): void => {
      io.output.write('\n');
      answer(false);
    };
    if (io.signal?.aborted) return answer(false);
    io.signal?.addEventListener('abort', onAbort, { once: true });
    rl.once('line', (line) => answer(line.trim().toLowerCase() === 'yes'));
    rl.once('close', () => answer(false));
  });
}
