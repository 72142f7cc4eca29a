/** The yes/no question apply and teardown ask in a terminal before they change anything. */
import { createInterface } from 'node:readline';

/**
 * Writes the question, reads one line: `yes` or `y` (any case, surrounding spaces ignored)
 * means yes; anything else, or the input ending first, means no, because the safe answer to
 * "delete these resources?" must be the default.
 */
export function confirm(
  question: string,
  io: { input: NodeJS.ReadableStream; output: { write(s: string): boolean } },
): Promise<boolean> {
  io.output.write(/\s$/.test(question) ? question : `${question} `);
  return new Promise((resolve) => {
    // terminal: false, so readline neither echoes nor writes prompts of its own.
    const rl = createInterface({ input: io.input, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      const answer = line.trim().toLowerCase();
      rl.close();
      resolve(answer === 'yes' || answer === 'y');
    });
    rl.once('close', () => {
      if (!answered) resolve(false);
    });
  });
}
