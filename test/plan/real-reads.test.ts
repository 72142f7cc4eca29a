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
import { isWriteOnlyPath } from '../../src/plan/normalize/write-only.js';
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

/**
 * The other half: normalising must never hide a real difference. Every declared scalar, one at
 * a time, is edited in the manifest (a number moved, a boolean flipped, a text replaced by one
 * no rule can relate to it); the plan must name the property. Write-only values can only be
 * checked against a ledger, so without one they are left out.
 */
describe('recorded real reads: every declared edit is noticed', () => {
  type Leaf = { path: (string | number)[]; value: unknown };
  const leaves = (value: unknown, path: (string | number)[] = []): Leaf[] => {
    if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
    if (value !== null && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
    return [{ path, value }];
  };
  const edited = (value: unknown, n: number): unknown =>
    typeof value === 'number'
      ? value + 7
      : typeof value === 'boolean'
        ? !value
        : typeof value === 'string'
          ? `edited-${n}`
          : undefined;
  const replaced = (value: unknown, path: (string | number)[], next: unknown): unknown => {
    if (path.length === 0) return next;
    const copy = structuredClone(value) as Record<string | number, unknown>;
    let at = copy;
    for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
    at[path[path.length - 1] as string | number] = next;
    return copy;
  };

  it.each(cases.filter((c) => c.drifted.length === 0).map((c) => [c.file, c] as const))('%s', (file, c) => {
    const missed: string[] = [];
    for (const [name, value] of Object.entries(c.desired)) {
      if (c.actual[name] === undefined || c.schema.writeOnly.includes(name)) continue;
      leaves(value).forEach(({ path, value: leaf }, n) => {
        const next = edited(leaf, n);
        if (next === undefined) return;
        const schemaPath = [name, ...path.map((step) => (typeof step === 'number' ? '*' : step))];
        for (const ledger of [false, true]) {
          if (!ledger && isWriteOnlyPath(c.schema, schemaPath)) continue;
          const change = diffResource({
            resource: file,
            schema: c.schema,
            region: 'us-east-1',
            desired: { ...c.desired, [name]: replaced(value, path, next) },
            actual: c.actual,
            ...(ledger ? { lastApplied: c.desired } : {}),
          });
          if (!change.changes.some((ch) => ch.path === `/${name}`))
            missed.push(`${[name, ...path].join('.')} (${ledger ? 'ledger' : 'no ledger'})`);
        }
      });
    }
    expect({ file, missed }).toEqual({ file, missed: [] });
  });
});

/** And drift: a declared scalar changed in the read (out of band) is planned back by name. */
describe('recorded real reads: every declared scalar changed out of band is drift', () => {
  const scalar = (v: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof v);
  const drifted = (v: unknown): unknown =>
    typeof v === 'number' ? v + 7 : typeof v === 'boolean' ? !v : `drifted-${String(v)}`;

  it.each(cases.filter((c) => c.drifted.length === 0).map((c) => [c.file, c] as const))('%s', (file, c) => {
    const missed: string[] = [];
    for (const [name, value] of Object.entries(c.desired)) {
      if (!scalar(value) || !scalar(c.actual[name])) continue;
      for (const ledger of [false, true]) {
        const change = diffResource({
          resource: file,
          schema: c.schema,
          region: 'us-east-1',
          desired: c.desired,
          actual: { ...c.actual, [name]: drifted(c.actual[name]) },
          ...(ledger ? { lastApplied: c.desired } : {}),
        });
        const named = change.changes.some((ch) => ch.path === `/${name}`);
        if (!named || (ledger && change.drift !== true)) missed.push(`${name} (${ledger ? 'ledger' : 'no ledger'})`);
      }
    }
    expect({ file, missed }).toEqual({ file, missed: [] });
  });
});
