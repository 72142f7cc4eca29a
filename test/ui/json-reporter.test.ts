import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EngineEvent } from '../../src/events/events.js';
import { EVENT_LINE_SCHEMA, validateEventLine } from '../../src/events/validate-event.js';
import { createReporter } from '../../src/ui/index.js';
import { at, emptySummary, finished, samplePlan, started } from './fixtures.js';

/** One of every event type, each with all its optional fields: the schema must accept them all. */
const everyEvent: EngineEvent[] = [
  { type: 'run_started', time: at(0), command: 'apply', stack: 'websocket-api', env: 'dev' },
  { type: 'plan_ready', time: at(0), plan: samplePlan },
  started('api', 'AWS::ApiGatewayV2::Api', 'create', 0),
  finished('api', 'AWS::ApiGatewayV2::Api', 'create', 3100, 3100, 'abc1234'),
  finished('stage', 'AWS::ApiGatewayV2::Stage', 'update', 3100, 900),
  {
    type: 'resource_failed',
    time: at(4000),
    resource: 'integration',
    resourceType: 'AWS::ApiGatewayV2::Integration',
    action: 'create',
    durationMs: 900,
    error: {
      code: 'InvalidRequest',
      message: 'bad',
      hint: 'fix it',
      file: 'resources/integration.iql',
      line: 3,
      resource: 'integration',
    },
  },
  {
    type: 'resource_skipped',
    time: at(4000),
    resource: 'route',
    resourceType: 'AWS::ApiGatewayV2::Route',
    action: 'create',
    reason: 'dependency_failed',
  },
  { type: 'interrupt_requested', time: at(4100) },
  { type: 'warning', time: at(4200), message: 'drift', resource: 'stage' },
  { type: 'warning', time: at(4200), message: 'no resource' },
  {
    type: 'run_finished',
    time: at(5000),
    command: 'apply',
    outcome: 'failed',
    durationMs: 5000,
    summary: { ...emptySummary, created: 1, failed: 1, skipped: 1 },
    cloudCalls: { GetResource: 8, CreateResource: 2 },
    error: { code: 'InvalidRequest', message: 'bad' },
  },
];

function capture() {
  let text = '';
  return { out: { write: (s: string) => ((text += s), true) }, lines: () => text.split('\n').filter((l) => l !== '') };
}

describe('NDJSON reporter', () => {
  it('starts with a version record and writes each event as one valid JSON line', async () => {
    const { out, lines } = capture();
    const reporter = createReporter('json', { stdout: out, color: true, showDiff: false });
    for (const event of everyEvent) reporter.emit(event);
    await reporter.close();

    const parsed = lines().map((l) => JSON.parse(l) as unknown);
    expect(parsed[0]).toEqual({ type: 'version', schema: 'deploy.events', version: EVENT_SCHEMA_VERSION });
    expect(parsed.slice(1)).toEqual(everyEvent);
    for (const line of parsed) expect(validateEventLine(line)).toEqual([]);
  });

  it('writes the events of one turn of the event loop together, as soon as the turn ends', async () => {
    const writes: string[] = [];
    const reporter = createReporter('json', {
      stdout: { write: (s: string) => (writes.push(s), true) },
      color: false,
      showDiff: false,
    });
    reporter.emit(everyEvent[0]!);
    reporter.emit(everyEvent[1]!);
    expect(writes).toHaveLength(1); // the version record only, so far
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(2);
    expect(
      writes[1]!
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(everyEvent.slice(0, 2));
    reporter.emit(everyEvent[2]!);
    await reporter.close(); // what is left is written before close resolves
    expect(writes).toHaveLength(3);
  });

  it('writes the version record even when no event arrives', async () => {
    const { out, lines } = capture();
    await createReporter('json', { stdout: out, color: false, showDiff: false }).close();
    expect(lines()).toEqual([`{"type":"version","schema":"deploy.events","version":${EVENT_SCHEMA_VERSION}}`]);
  });
});

describe('validateEventLine', () => {
  it('describes every event type and the current version', () => {
    const types: Record<EngineEvent['type'] | 'version', true> = {
      version: true,
      run_started: true,
      plan_ready: true,
      resource_started: true,
      resource_finished: true,
      resource_failed: true,
      resource_skipped: true,
      interrupt_requested: true,
      rollback_step: true,
      warning: true,
      run_finished: true,
    };
    const branches = (EVENT_LINE_SCHEMA as { oneOf: Array<{ $ref: string }> }).oneOf.map((b) =>
      b.$ref.split('/').at(-1),
    );
    expect(branches.sort()).toEqual(Object.keys(types).sort());
    const definitions = EVENT_LINE_SCHEMA['definitions'] as Record<
      string,
      { properties: Record<string, { const?: unknown }> }
    >;
    expect(definitions['version']?.properties['version']?.const).toBe(EVENT_SCHEMA_VERSION);
  });

  it.each([
    [
      { type: 'resource_started', time: at(0), resource: 'api', resourceType: 'X', action: 'noop' },
      '/action: must be one of',
    ],
    [
      { type: 'resource_finished', time: at(0), resource: 'api', resourceType: 'X', action: 'create' },
      "/: must have required property 'durationMs'",
    ],
    [{ type: 'warning', time: 'yesterday', message: 'x' }, '/time: must match format "date-time"'],
    [{ type: 'warning', time: at(0), message: 'x', colour: 'red' }, "/: unexpected property 'colour'"],
    [{ type: 'exploded', time: at(0) }, '/: "type" must be one of "version", "run_started"'],
    [{ type: 'version', schema: 'deploy.events', version: 1 }, '/version: must be 2'],
    [
      {
        type: 'plan_ready',
        time: at(0),
        plan: { ...samplePlan, resources: [{ ...samplePlan.resources[0], dependsOn: 'api' }] },
      },
      '/plan/resources/0/dependsOn: must be array',
    ],
    [
      {
        type: 'run_finished',
        time: at(0),
        command: 'apply',
        outcome: 'failed',
        durationMs: -1,
        summary: { ...emptySummary, failed: 0.5 },
      },
      '/durationMs: must be >= 0',
    ],
    [
      {
        type: 'run_finished',
        time: at(0),
        command: 'apply',
        outcome: 'success',
        durationMs: 1,
        summary: emptySummary,
        cloudCalls: { GetResource: '9' },
      },
      '/cloudCalls/GetResource: must be integer',
    ],
    ['not an object', '/: must be object'],
  ])('reports a malformed line (%#)', (line, problem) => {
    const problems = validateEventLine(line);
    expect(problems.join('\n')).toContain(problem);
  });

  it('reports every problem of a line, not only the first', () => {
    const problems = validateEventLine({
      type: 'run_finished',
      time: at(0),
      command: 'apply',
      outcome: 'failed',
      durationMs: -1,
      summary: { ...emptySummary, failed: 0.5 },
    });
    expect(problems.sort()).toEqual(['/durationMs: must be >= 0', '/summary/failed: must be integer']);
  });
});

describe('EVENTS.md', () => {
  it('shows only example lines that validate', () => {
    const doc = readFileSync(new URL('../../src/events/EVENTS.md', import.meta.url), 'utf8');
    // Lines elided with "…" are abbreviations, not examples to check.
    const examples = doc.split('\n').filter((l) => l.startsWith('{"type"') && !l.includes('…'));
    expect(examples.length).toBeGreaterThan(5);
    for (const line of examples) expect(validateEventLine(JSON.parse(line)), line).toEqual([]);
  });
});
