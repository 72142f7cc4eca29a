/** `deploy info`: versions and what this build supports, for bug reports. */
import { command } from '../command.js';
import { EXIT } from '../io.js';

export default command({
  name: 'info',
  summary: 'versions and what this build supports',
  args: [],
  flags: [],
  example: 'deploy info',
  async run(_options, io) {
    const { schemaRegistry } = await import('../../schema/index.js');
    const { sqliteVersions } = await import('../../sql/index.js');
    const { packageVersion } = await import('../version.js');
    const { sqlite, sqljs } = await sqliteVersions();
    const types = schemaRegistry().typeNames().length;
    const lines = [
      `deploy ${packageVersion()}`,
      `node ${process.version} (${process.platform}-${process.arch})`,
      `providers: aws, awscc (AWS Cloud Control: ${types.toLocaleString('en-US')} resource types)`,
      `SQL engine: SQLite ${sqlite} (sql.js ${sqljs}), loaded only for queries beyond a flat SELECT`,
      'stackql-deploy stacks: manifest version 1; resource types resource, query, script, command',
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
});
