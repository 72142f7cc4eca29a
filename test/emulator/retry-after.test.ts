/**
 * RetryAfter is a promise: a status poll made once it has passed sees how the request ended,
 * even when the event loop is too busy to have run the request's timer yet. The clock is moved
 * without running timers, which is what a busy event loop amounts to.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CloudContext } from '../../src/emulator/context.js';
import { getResourceRequestStatus } from '../../src/emulator/op-requests.js';
import { RequestRunner } from '../../src/emulator/request-runner.js';
import { CloudState } from '../../src/emulator/state.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('a status poll', () => {
  function started() {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const state = new CloudState();
    const runner = new RequestRunner(state, 200);
    const first = runner.start({
      region: 'us-east-1',
      operation: 'DELETE',
      typeName: 'AWS::ApiGatewayV2::Api',
      identifier: 'abc1234',
      finish: () => ({ ok: true, delete: true }),
    });
    const ctx = { state, runner } as unknown as CloudContext;
    const poll = () => getResourceRequestStatus(ctx, 'us-east-1', { RequestToken: first.RequestToken }).ProgressEvent;
    return { first, poll };
  }

  it('before RetryAfter says IN_PROGRESS', () => {
    const { first, poll } = started();
    expect(first.RetryAfter).toBe((Date.now() + 200) / 1000);
    vi.setSystemTime(Date.now() + 199);
    expect(poll().OperationStatus).toBe('IN_PROGRESS');
  });

  it('at RetryAfter sees the outcome, though the timer has not run', () => {
    const { poll } = started();
    vi.setSystemTime(Date.now() + 200);
    expect(poll().OperationStatus).toBe('SUCCESS');
    // The timer no longer finishes it a second time.
    vi.runAllTimers();
    expect(poll().OperationStatus).toBe('SUCCESS');
  });
});
