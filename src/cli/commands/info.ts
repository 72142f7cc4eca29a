/** `deploy info`: versions and what this build supports, for bug reports. */
import { schemaRegistry } from '../../schema/index.js';
import { sqliteVersions } from '../../sql/index.js';
import { VERSION } from '../help.js';
import { EXIT, type CliIO } from '../io.js';
import type { CliOptions } from '../options.js';

export default async function info(_options: CliOptions, io: CliIO): Promise<number> {
  const { sqlite, sqljs } = await sqliteVersions();
  const types = schemaRegistry().typeNames().length;
  const lines = [
    `deploy ${VERSION}`,
    `node ${process.version} (${process.platform}-${process.arch})`,
    `providers: aws, awscc (AWS Cloud Control: ${types.toLocaleString('en-US')} resource types)`,
    `SQL engine: SQLite ${sqlite} (sql.js ${sqljs}), loaded only for queries beyond a flat SELECT`,
    'stackql-deploy stacks: manifest version 1; resource types resource, query, script, command',
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
