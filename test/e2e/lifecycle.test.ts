/**
 * The example stack through the real CLI against the local cloud: first apply, a plan with no
 * changes, an update, a replacement, a removal and a teardown.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { deploy, editManifest, eventsOf, ledgerOf, tempStack, type CliRun } from './harness.js';
import { inventory } from './inventory.js';

const stack = tempStack();

function planOf(run: CliRun): Plan {
  const ready = eventsOf(run, 'plan_ready')[0];
  if (!ready) throw new Error(`no plan in output:\n${run.stdout}\n${run.stderr}`);
  return ready.plan;
}

function actions(plan: Plan): Record<string, string> {
  return Object.fromEntries(plan.resources.map((r) => [r.resource, r.action]));
}

/** Asserts every resource started only after all it depends on had finished. */
function assertDependencyOrder(run: CliRun): void {
  const plan = planOf(run);
  const finishedAt = new Map<string, number>();
  run.events.forEach((e, i) => {
    if (e.type === 'resource_finished') finishedAt.set(e.resource, i);
  });
  run.events.forEach((e, i) => {
    if (e.type !== 'resource_started') return;
    const deps = plan.resources.find((r) => r.resource === e.resource)?.dependsOn ?? [];
    for (const d of deps) {
      if (!plan.resources.some((r) => r.resource === d && r.action !== 'noop')) continue;
      expect(finishedAt.get(d), `${d} must finish before ${e.resource} starts`).toBeLessThan(i);
    }
  });
}

describe('examples/websocket-api on the local cloud', () => {
  const names = [
    'api',
    'connect_integration',
    'default_integration',
    'default_integration_response',
    'connect_route',
    'default_route',
    'default_route_response',
    'deployment',
    'stage',
  ];

  it('plans every resource as a create', async () => {
    const run = await deploy(['plan', stack, 'dev', '--local', '--json', '--detailed-exitcode']);
    expect(run.code).toBe(2);
    expect(actions(planOf(run))).toEqual(Object.fromEntries(names.map((n) => [n, 'create'])));
  });

  it('applies them, parents before children, and records each in the ledger', async () => {
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(
      eventsOf(run, 'resource_finished')
        .map((e) => e.resource)
        .sort(),
    ).toEqual([...names].sort());
    assertDependencyOrder(run);
    const ledger = ledgerOf(stack, 'dev');
    expect(Object.keys(ledger.resources).sort()).toEqual([...names].sort());
    const cloud = await inventory(stack);
    expect(cloud).toEqual(new Set(Object.values(ledger.resources).map((r) => `${r.type} ${r.identifier}`)));
  });

  it('then plans no changes with exactly one GetResource per resource and no other call', async () => {
    const run = await deploy(['plan', stack, 'dev', '--local', '--json', '--detailed-exitcode']);
    expect(run.code).toBe(0);
    expect(Object.values(actions(planOf(run))).every((a) => a === 'noop')).toBe(true);
    expect(eventsOf(run, 'run_finished')[0]?.cloudCalls).toEqual({ GetResource: names.length });
  });

  it('plans exactly the update a changed prop asks for, and applies it', async () => {
    editManifest(stack, (t) =>
      t.replace('value: MOCK integration for $connect', 'value: MOCK integration answering $connect'),
    );
    const plan = planOf(await deploy(['plan', stack, 'dev', '--local', '--json']));
    expect(plan.summary).toMatchObject({ create: 0, update: 1, replace: 0, delete: 0 });
    const update = plan.resources.find((r) => r.action === 'update');
    expect(update?.resource).toBe('connect_integration');
    expect(update?.patch).toEqual([
      { op: 'replace', path: '/Description', value: 'MOCK integration answering $connect' },
    ]);

    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(eventsOf(run, 'run_finished')[0]?.summary).toMatchObject({ updated: 1, created: 0, unchanged: 8 });
    const after = planOf(await deploy(['plan', stack, 'dev', '--local', '--json']));
    expect(after.summary.update + after.summary.create + after.summary.replace).toBe(0);
  });

  it('plans a replacement naming the create-only property, and applies it', async () => {
    editManifest(stack, (t) => t.replace('value: "{{ stack_env }}"\n', 'value: "{{ stack_env }}-blue"\n'));
    const plan = planOf(await deploy(['plan', stack, 'dev', '--local', '--json']));
    const stage = plan.resources.find((r) => r.resource === 'stage');
    expect(stage?.action).toBe('replace');
    expect(stage?.reason).toContain('StageName');
    expect(plan.summary).toMatchObject({ replace: 1, update: 0, create: 0, delete: 0 });

    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(eventsOf(run, 'resource_finished').find((e) => e.resource === 'stage')?.identifier).toMatch(/\|dev-blue$/);
  });

  it('plans the delete of a resource removed from the manifest', async () => {
    editManifest(stack, (t) => {
      const start = t.indexOf('  - name: default_integration_response');
      return t.slice(0, start) + t.slice(t.indexOf('  - name: connect_route'));
    });
    const plan = planOf(await deploy(['plan', stack, 'dev', '--local', '--json']));
    expect(plan.summary).toMatchObject({ delete: 1, create: 0, update: 0, replace: 0 });
    const removed = plan.resources.find((r) => r.action === 'delete');
    expect(removed).toMatchObject({ resource: 'default_integration_response', reason: 'removed from manifest' });
    const run = await deploy(['apply', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys(ledgerOf(stack, 'dev').resources)).not.toContain('default_integration_response');
  });

  it('tears everything down, never a parent before its children, leaving the local cloud empty', async () => {
    const run = await deploy(['teardown', stack, 'dev', '--local', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const deleted = eventsOf(run, 'resource_finished').map((e) => e.resource);
    expect(deleted.sort()).toEqual(names.filter((n) => n !== 'default_integration_response').sort());
    // Children finish before their parents start.
    const plan = planOf(run);
    const started = new Map<string, number>();
    const finished = new Map<string, number>();
    run.events.forEach((e, i) => {
      if (e.type === 'resource_started') started.set(e.resource, i);
      if (e.type === 'resource_finished') finished.set(e.resource, i);
    });
    for (const child of plan.resources) {
      for (const parent of child.dependsOn) {
        if (started.has(parent)) expect(finished.get(child.resource)).toBeLessThan(started.get(parent) as number);
      }
    }
    expect(ledgerOf(stack, 'dev').resources).toEqual({});
    expect(await inventory(stack)).toEqual(new Set());
  });
});
