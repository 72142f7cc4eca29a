/** `deploy init <name> [--provider aws]`: a starter stack in a new directory. */
import { command, flag } from '../command.js';
import { EXIT } from '../io.js';
import { oneOf } from '../values.js';

export default command({
  name: 'init',
  summary: 'a starter stack in a new directory',
  description: 'Writes a starter stack (a VPC, a subnet and an S3 bucket, found by their exists queries) to <name>.',
  args: [{ name: 'name', description: 'the stack directory to create' }],
  flags: [
    flag({
      name: 'provider',
      value: 'NAME',
      description: 'the cloud (deploy deploys to AWS: aws or awscc)',
      parse: oneOf(['aws', 'awscc']),
      default: 'aws',
    }),
  ],
  example: 'deploy init my-stack',
  async run(options, io) {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { DeployError } = await import('../../errors/index.js');
    const { starterFiles } = await import('../starter.js');
    const dir = path.resolve(io.cwd, options.name);
    if (fs.existsSync(dir)) {
      throw new DeployError('StackExists', `${options.name} already exists`, {
        hint: 'choose a name for a new directory',
      });
    }
    for (const [file, text] of Object.entries(starterFiles(path.basename(dir)))) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    io.stdout.write(
      `Created ${options.name}: a VPC, a subnet and an S3 bucket. Try: deploy build ${options.name} dev --local\n`,
    );
    return EXIT.ok;
  },
});
