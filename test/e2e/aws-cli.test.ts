/**
 * The README's AWS CLI session (examples/aws-cli/session.sh) against the local cloud, run as
 * written with the real AWS CLI. .ci/run installs the CLI (Debian's awscli); without it the
 * test says it was skipped rather than pretend.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalCloud } from '../../src/emulator/index.js';

const SESSION = resolve(import.meta.dirname, '../../examples/aws-cli/session.sh');
const hasAws = spawnSync('aws', ['--version']).status === 0;

describe('the AWS CLI session in the README', () => {
  it.skipIf(!hasAws)('works as written against the local cloud', { timeout: 120_000 }, async () => {
    const server = await startLocalCloud();
    try {
      // Asynchronously: the local cloud answers from this very process.
      const { stdout: out } = await promisify(execFile)('bash', [SESSION], {
        env: { ...process.env, ENDPOINT: server.url },
      });
      const documents = out.split(/\n(?=\{)/).map((d) => JSON.parse(d) as Record<string, unknown>);
      expect(documents).toHaveLength(3);
      const [api, integrations, apisAfter] = documents as [
        { ResourceDescription: { Properties: string } },
        { ResourceDescriptions: { Properties: string }[] },
        { ResourceDescriptions: unknown[] },
      ];
      expect(JSON.parse(api.ResourceDescription.Properties)).toMatchObject({ Name: 'demo', ProtocolType: 'WEBSOCKET' });
      expect(integrations.ResourceDescriptions.map((d) => JSON.parse(d.Properties) as unknown)).toEqual([
        expect.objectContaining({ IntegrationType: 'MOCK', TimeoutInMillis: 10000 }),
      ]);
      expect(apisAfter.ResourceDescriptions).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
