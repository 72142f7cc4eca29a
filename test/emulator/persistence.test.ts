import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
} from '@aws-sdk/client-cloudcontrol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runningLocalCloud, startLocalCloud } from '../../src/emulator/index.js';
import { DeployError } from '../../src/errors/index.js';
import {
  API,
  clientFor,
  closeClouds,
  create,
  createApi,
  INTEGRATION,
  properties,
  settle,
  startCloud,
} from './helpers.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-test-'));
});
afterEach(async () => {
  await closeClouds();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durable store', () => {
  it('survives a restart: resources, request records and client tokens', async () => {
    const first = await startLocalCloud({ dataDir });
    let client = clientFor(first);
    const apiId = await createApi(client);
    const integration = await create(client, INTEGRATION, { ApiId: apiId, IntegrationType: 'MOCK' }, 'token-x');
    const update = await client.send(
      new UpdateResourceCommand({
        TypeName: API,
        Identifier: apiId,
        PatchDocument: '[{"op":"add","path":"/Description","value":"kept"}]',
      }),
    );
    await settle(client, update.ProgressEvent?.RequestToken as string);
    await first.close();

    const second = await startCloud({ dataDir });
    client = clientFor(second);
    expect(await properties(client, API, apiId)).toMatchObject({ ApiId: apiId, Description: 'kept' });
    expect(await properties(client, INTEGRATION, integration.Identifier as string)).toMatchObject({
      IntegrationType: 'MOCK',
    });
    const status = await client.send(new GetResourceRequestStatusCommand({ RequestToken: integration.RequestToken }));
    expect(status.ProgressEvent).toMatchObject({ OperationStatus: 'SUCCESS', Identifier: integration.Identifier });
    // The ClientToken is still remembered: an identical replay creates nothing new.
    const replay = await client.send(
      new CreateResourceCommand({
        TypeName: INTEGRATION,
        DesiredState: JSON.stringify({ ApiId: apiId, IntegrationType: 'MOCK' }),
        ClientToken: 'token-x',
      }),
    );
    expect(replay.ProgressEvent?.RequestToken).toBe(integration.RequestToken);
    // New resources list after the old ones.
    const newer = await createApi(client, { Name: 'newer' });
    const listed = await client.send(new ListResourcesCommand({ TypeName: API }));
    expect(listed.ResourceDescriptions?.map((d) => d.Identifier)).toEqual([apiId, newer]);
  });

  it('replays the journal after a crash (no clean close), ignoring a torn last line', async () => {
    const cloud = await startCloud({ dataDir });
    const client = clientFor(cloud);
    const ids = [await createApi(client), await createApi(client)];
    // A copy of the files as a crash would leave them: snapshot plus journal, no lock.
    const copy = join(dataDir, 'copy');
    mkdirSync(copy);
    for (const file of ['state.json', 'journal.ndjson']) copyFileSync(join(dataDir, file), join(copy, file));
    expect(readFileSync(join(copy, 'journal.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
    appendFileSync(join(copy, 'journal.ndjson'), '{"request":{"seq":9');

    const recovered = clientFor(await startCloud({ dataDir: copy }));
    const listed = await recovered.send(new ListResourcesCommand({ TypeName: API }));
    expect(listed.ResourceDescriptions?.map((d) => d.Identifier)).toEqual(ids);
  });

  it('refuses a second server on a busy data dir with LocalCloudBusy naming pid and url', async () => {
    const cloud = await startCloud({ dataDir });
    expect(runningLocalCloud(dataDir)).toEqual({ url: cloud.url, pid: process.pid });
    let error: unknown;
    try {
      await startLocalCloud({ dataDir });
    } catch (e) {
      error = e;
    }
    expect(DeployError.is(error)).toBe(true);
    const busy = error as DeployError;
    expect(busy.code).toBe('LocalCloudBusy');
    expect(busy.message).toContain(String(process.pid));
    expect(busy.message).toContain(cloud.url);
    expect(busy.hint).toContain(`--endpoint ${cloud.url}`);
    // The refused server did not disturb the running one.
    expect(await createApi(clientFor(cloud))).toMatch(/^[a-z0-9]{10}$/);
    await cloud.close();
    expect(runningLocalCloud(dataDir)).toBeUndefined();
  });

  it('also when the second server asks for the same fixed port', async () => {
    const cloud = await startCloud({ dataDir });
    await expect(startLocalCloud({ dataDir, port: cloud.port })).rejects.toMatchObject({ code: 'LocalCloudBusy' });
  });

  it('takes over the lock of a dead server', async () => {
    // Above any possible pid (pid_max is at most 2^22), so surely not running.
    writeFileSync(
      join(dataDir, 'lock.json'),
      JSON.stringify({ pid: 4_194_305, url: 'http://127.0.0.1:1', startedAt: 'then' }),
    );
    expect(runningLocalCloud(dataDir)).toBeUndefined();
    const cloud = await startCloud({ dataDir });
    expect(runningLocalCloud(dataDir)).toEqual({ url: cloud.url, pid: process.pid });
  });
});
