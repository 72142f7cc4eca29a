/**
 * Every read recorded from real AWS (test/fixtures/real-reads, README there), planned through the
 * real planner with the real registry: desired = what the user declared, actual = what Cloud
 * Control returned. Twice: without a ledger, and with lastApplied = declared. A case without a
 * `declared`-tier difference must be a noop; one with it is real drift and must be an update (a
 * replacement when a drifted property is create-only) naming each drifted property.
 *
 * The planner sees only what it sees in production: the schema from our registry, the three
 * states and the identifier. The recording project's per-case facts (`schema`, `opts`) are not
 * passed on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffResource, type ResourceChange } from '../../src/plan/index.js';
import { schemaRegistry, type TypeSchema } from '../../src/schema/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'real-reads');
/** What the recorder wrote where it could not resolve a declared value: nothing to compare. */
const UNRESOLVED = '__cdkrd_corpus_unresolved__';

interface RecordedCase {
  resource: { logicalId: string; resourceType: string; declared: Record<string, unknown> };
  liveRaw: Record<string, unknown>;
  expected: { tier: string; path: string }[];
}

interface Case {
  file: string;
  schema: TypeSchema;
  desired: Record<string, unknown>;
  actual: Record<string, unknown>;
  identifier: string;
  /** Top-level properties that really drifted (`Users`, from `Users` or `Users[U2]`). */
  drifted: string[];
}

const registry = schemaRegistry();

function load(file: string): Case {
  const recorded = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as RecordedCase;
  const schema = registry.resolve(recorded.resource.resourceType);
  const desired = Object.fromEntries(Object.entries(recorded.resource.declared).filter(([, v]) => v !== UNRESOLVED));
  const actual = recorded.liveRaw;
  const drifted = recorded.expected.filter((e) => e.tier === 'declared').map((e) => e.path.split(/[.[]/)[0] as string);
  return {
    file,
    schema,
    desired,
    actual,
    identifier: schema.primaryIdentifier.map((name) => String(actual[name])).join('|'),
    drifted: [...new Set(drifted)],
  };
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map(load);

function plan(c: Case, ledger: boolean): ResourceChange {
  return diffResource({
    resource: c.file,
    schema: c.schema,
    region: 'us-east-1',
    desired: c.desired,
    actual: c.actual,
    identifier: c.identifier,
    ...(ledger ? { lastApplied: c.desired } : {}),
  });
}

/** One line per case that says what was planned, so a failure reads as a finding. */
function outcome(change: ResourceChange): string {
  const paths = change.changes.map((ch) => ch.path.slice(1)).join(', ');
  return `${change.action}: ${change.reason}${paths ? ` [${paths}]` : ''}`;
}

function forcesReplacement(c: Case): boolean {
  return c.drifted.some((name) => c.schema.properties[name]?.createOnly === true);
}

describe('recorded real reads', () => {
  it('hold 340 cases, 14 of them real drift, every type in the registry', () => {
    expect(cases).toHaveLength(340);
    expect(cases.filter((c) => c.drifted.length > 0)).toHaveLength(14);
  });

  describe.each([
    ['without a ledger', false],
    ['with lastApplied = declared', true],
  ])('%s', (_label, ledger) => {
    it.each(cases.filter((c) => c.drifted.length === 0).map((c) => [c.file, c] as const))(
      'plans no change: %s',
      (file, c) => {
        const change = plan(c, ledger);
        expect(`${file} → ${outcome(change)}`).toBe(`${file} → noop: ${change.reason}`);
      },
    );

    it.each(cases.filter((c) => c.drifted.length > 0).map((c) => [c.file, c] as const))(
      'plans the drift back: %s',
      (file, c) => {
        const change = plan(c, ledger);
        const action = forcesReplacement(c) ? 'replace' : 'update';
        const named = change.changes.map((ch) => ch.path.slice(1)).sort();
        expect({ file, action: change.action, named }).toEqual({ file, action, named: [...c.drifted].sort() });
      },
    );
  });
});
