/**
 * When mutations are polled: at RetryAfter, else after the duration the same operation on the
 * same type took earlier in the run, then in small steps that double; with nothing to go on,
 * from `initialMs` doubling to `maxMs`. Then, against the local cloud through the SDK, the
 * number of polls that result.
 */
import { describe, expect, it } from 'vitest';
import { SdkCloudControl } from '../../src/cloud/index.js';
import { PollSchedule, type PollState } from '../../src/cloud/poll-schedule.js';
import { startLocalCloud } from '../../src/emulator/index.js';

const limits = { initialMs: 250, maxMs: 5_000 };
const at = (ms: number): Date => new Date(ms);

describe('PollSchedule', () => {
  it('with nothing to go on, starts at initialMs and doubles up to maxMs', () => {
    const schedule = new PollSchedule(limits);
    const state: PollState = { key: 'CreateResource AWS::X::Y', startedAt: 0 };
    const waits = Array.from({ length: 7 }, () => schedule.wait(state, undefined, 0));
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('polls first at RetryAfter, then a twentieth of that duration later, doubling', () => {
    const schedule = new PollSchedule(limits);
    const state: PollState = { key: 'CreateResource AWS::X::Y', startedAt: 1_000 };
    expect(schedule.wait(state, at(3_000), 1_010)).toBe(1_990);
    expect(schedule.wait(state, at(3_000), 3_005)).toBe(100);
    expect(schedule.wait(state, at(3_000), 3_110)).toBe(200);
    expect(schedule.wait(state, at(3_000), 3_320)).toBe(400);
  });

  it('a RetryAfter still ahead after a miss is waited for', () => {
    const schedule = new PollSchedule(limits);
    const state: PollState = { key: 'k', startedAt: 0 };
    schedule.wait(state, at(200), 0);
    expect(schedule.wait(state, at(900), 210)).toBe(690);
  });

  it('without RetryAfter, expects the median duration seen for the same operation and type', () => {
    const schedule = new PollSchedule(limits);
    for (const took of [900, 1_000, 5_000]) schedule.done({ key: 'CreateResource AWS::X::Y', startedAt: 0 }, took);
    const same: PollState = { key: 'CreateResource AWS::X::Y', startedAt: 10_000 };
    expect(schedule.wait(same, undefined, 10_100)).toBe(900);
    expect(schedule.wait(same, undefined, 11_000)).toBe(50);
    // Another type, or another operation, learns nothing from it.
    expect(schedule.wait({ key: 'DeleteResource AWS::X::Y', startedAt: 0 }, undefined, 0)).toBe(250);
  });
});

describe('polling the local cloud', () => {
  it('asks about each mutation about once, when it is expected to be done', async () => {
    const cloud = await startLocalCloud({ latencyMs: 100 });
    const client = new SdkCloudControl({
      endpoint: cloud.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      rateLimit: 0,
      poll: { initialMs: 5, maxMs: 250 },
    });
    try {
      const api = { Name: 'p', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' };
      await Promise.all(
        Array.from({ length: 5 }, () => client.createResource('AWS::ApiGatewayV2::Api', 'us-east-1', api)),
      );
      const polls = client.callCounts()['GetResourceRequestStatus'] ?? 0;
      // Polling from 5 ms up would take five polls each; at RetryAfter, one (two if the cloud is late).
      expect(polls).toBeGreaterThanOrEqual(5);
      expect(polls).toBeLessThanOrEqual(10);
    } finally {
      client.destroy();
      await cloud.close();
    }
  });
});
