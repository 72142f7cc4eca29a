/** `deploy init NAME [--provider aws]`: a starter stack in a new directory NAME. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DeployError } from '../../errors/index.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { starterFiles } from '../starter.js';

export default async function init(options: CliOptions, io: CliIO): Promise<number> {
  const [name, ...extra] = options.positionals;
  if (name === undefined || extra.length > 0) {
    throw new DeployError('MissingArgument', 'deploy init needs one name: the stack directory to create', {
      hint: 'for example: deploy init my-stack',
    });
  }
  const provider = (options.provider ?? 'aws').toLowerCase();
  if (provider !== 'aws' && provider !== 'awscc') {
    throw new DeployError('UnsupportedProvider', `deploy deploys to AWS only, not ${options.provider}`, {
      hint: 'leave out --provider, or pass --provider aws',
    });
  }
  const dir = resolve(io.cwd, name);
  if (existsSync(dir)) {
    throw new DeployError('StackExists', `${name} already exists`, { hint: 'choose a name for a new directory' });
  }
  for (const [file, text] of Object.entries(starterFiles(name.split(/[\\/]/).pop() as string))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  io.stdout.write(`Created ${name}: a VPC, a subnet and an S3 bucket. Try: deploy build ${name} dev --local\n`);
  return EXIT.ok;
}
