import { command, flag } from '../command.js';
import { STACK_ARGS, VARS } from '../flags.js';
import { EXIT } from '../io.js';
import { stackInput } from '../stack-input.js';
import { oneOf } from '../values.js';

export default command({
  name: 'graph',
  summary: 'print the dependency graph of a stack',
  description:
    'Prints which resources depend on which (template references and depends_on), as Graphviz DOT ' +
    '(`| dot -Tsvg > graph.svg`) or as a Mermaid flowchart (renders in GitHub Markdown). Makes no cloud call.',
  args: STACK_ARGS,
  flags: [
    flag({
      name: 'format',
      value: 'FORMAT',
      description: 'dot or mermaid',
      parse: oneOf(['dot', 'mermaid']),
      default: 'dot',
    }),
    ...VARS,
  ],
  example: 'deploy graph examples/websocket-api dev --format mermaid',
  async run(options, io) {
    const { loadStack } = await import('../../stack/index.js');
    const { buildGraph, toDot, toMermaid } = await import('../../graph/index.js');
    const stack = loadStack(stackInput(options, io));
    const graph = buildGraph(stack.resources.map((r) => ({ id: r.def.name, dependsOn: r.dependsOn })));
    io.stdout.write(options.format === 'mermaid' ? toMermaid(graph) : toDot(graph));
    return EXIT.ok;
  },
});
