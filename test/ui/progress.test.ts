import { describe, expect, it } from 'vitest';
import { estimateRemainingMs } from '../../src/ui/ink/estimate.js';
import { applyEvent, countsOf, initialProgress, timeLeftMs } from '../../src/ui/ink/progress.js';
import { createStore } from '../../src/ui/ink/store.js';
import { at, finished, samplePlan, started, T0 } from './fixtures.js';

describe('estimateRemainingMs', () => {
  const stats = { create: { total: 6000, count: 2 }, delete: { total: 1000, count: 1 } };

  it('has no estimate before anything finished, and zero when nothing remains', () => {
    expect(estimateRemainingMs([{ resource: 'a', action: 'create', dependsOn: [] }], {})).toBeUndefined();
    expect(estimateRemainingMs([], stats)).toBe(0);
  });

  it('follows the longest chain of dependent remaining resources, not the sum', () => {
    const remaining = [
      { resource: 'api', action: 'create' as const, dependsOn: [] },
      { resource: 'integration', action: 'create' as const, dependsOn: ['api'] },
      { resource: 'route', action: 'create' as const, dependsOn: ['integration', 'api'] },
      { resource: 'bucket', action: 'create' as const, dependsOn: [] },
    ];
    // api → integration → route: three creates of 3 s each; bucket runs alongside.
    expect(estimateRemainingMs(remaining, stats)).toBe(9000);
  });

  it('counts only the remainder of operations in flight and ignores finished dependencies', () => {
    const remaining = [
      { resource: 'integration', action: 'create' as const, dependsOn: ['api'], elapsedMs: 2000 },
      { resource: 'route', action: 'create' as const, dependsOn: ['integration'] },
    ];
    expect(estimateRemainingMs(remaining, stats)).toBe(1000 + 3000);
  });

  it('uses the overall average for an action never seen, and survives a cycle', () => {
    const remaining = [
      { resource: 'a', action: 'update' as const, dependsOn: ['b'] },
      { resource: 'b', action: 'update' as const, dependsOn: ['a'] },
    ];
    // Overall average: 7000 ms / 3 operations.
    expect(estimateRemainingMs(remaining, stats)).toBeCloseTo((7000 / 3) * 2);
  });
});

describe('progress state', () => {
  it('counts done, running, waiting and failed against the plan', () => {
    let s = initialProgress(T0);
    s = applyEvent(s, { type: 'plan_ready', time: at(0), plan: samplePlan }, T0);
    expect(countsOf(s)).toEqual({ total: 5, done: 0, running: 0, waiting: 5, failed: 0, skipped: 0 });
    expect(timeLeftMs(s)).toBeUndefined();
    s = applyEvent(s, started('api', 'AWS::ApiGatewayV2::Api', 'create', 0), T0);
    s = applyEvent(s, finished('api', 'AWS::ApiGatewayV2::Api', 'create', 2000, 2000), T0 + 2000);
    expect(countsOf(s)).toMatchObject({ done: 1, running: 0, waiting: 4 });
    // integration → route (2 s each); stage, authorizer in parallel at the overall 2 s.
    expect(timeLeftMs(s)).toBe(4000);
  });

  it('keeps its identity when nothing changes, so React does not re-render', () => {
    const store = createStore(initialProgress(T0));
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.setState((s) => s);
    store.setState((s) => applyEvent(s, { type: 'interrupt_requested', time: at(1) }, T0 + 1));
    unsubscribe();
    store.setState((s) => ({ ...s }));
    expect(calls).toBe(1);
    expect(store.getState().interrupting).toBe(true);
  });
});
