import { command } from '../command.js';
import { EXIT } from '../io.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

export default command({
  name: 'completion',
  summary: 'print a shell completion script (bash, zsh or fish)',
  description:
    "Prints a script that completes deploy's commands, flags and their values in your shell. " +
    'bash and zsh: source <(deploy completion bash); fish: deploy completion fish | source.',
  args: [{ name: 'shell', description: 'bash, zsh or fish', choices: SHELLS }],
  flags: [],
  example: 'deploy completion bash',
  async run(options, io, cli) {
    const { completionTree } = await import('../completion/tree.js');
    const scripts = {
      bash: async () => (await import('../completion/bash.js')).bashScript,
      zsh: async () => (await import('../completion/zsh.js')).zshScript,
      fish: async () => (await import('../completion/fish.js')).fishScript,
    };
    const script = await scripts[options.shell as (typeof SHELLS)[number]]();
    io.stdout.write(script(completionTree(cli.commands)));
    return EXIT.ok;
  },
});
