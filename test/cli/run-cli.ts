/** Runs the CLI in-process, with the real command list or another, and captures what it prints. */
import { PassThrough, Writable } from 'node:stream';
import type { Command } from '../../src/cli/command.js';
import { COMMANDS, run } from '../../src/cli/main.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  args: string[],
  { env = {}, commands = COMMANDS }: { env?: Record<string, string>; commands?: readonly Command[] } = {},
): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run(args, { stdout, stderr, stdin: new PassThrough(), env, cwd: process.cwd() }, commands);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
