/**
 * Canaries: a protected export's value, a write-only property's value and a `--secret`
 * variable's value appear in no output (plan, --diff, lines, NDJSON, render, errors, saved
 * plans) and in no file others can read, also where they flow into another resource.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploy, editManifest, tempStack, type CliRun } from './harness.js';

const PROTECTED = 'canary-protected-7f3a9c';
const WRITE_ONLY = 'canary-writeonly-51e2d0';
const VARIABLE = 'canary-variable-93bd11';
const CANARIES = [PROTECTED, WRITE_ONLY, VARIABLE];

/**
 * The example, with: the API's description exported and protected, and reused in the
 * deployment's description; the API's write-only BasePath; a --secret variable in an
 * integration's description.
 */
function canaryStack(): string {
  const stack = tempStack();
  editManifest(stack, (text) =>
    text
      .replace('value: Development WebSocket API (safe to break)', `value: ${PROTECTED}`)
      .replace(
        '      - api_endpoint\n',
        `      - api_endpoint\n      - description\n    protected:\n      - description\n`,
      )
      .replace('value: "{{ stack_name }} {{ stack_env }} deployment"', 'value: "deployment of {{ description }}"')
      .replace('value: MOCK integration for $connect', 'value: "MOCK for {{ DB_PASSWORD }}"'),
  );
  const api = join(stack, 'resources', 'api.iql');
  writeFileSync(
    api,
    readFileSync(api, 'utf8')
      .replace('  Tags,\n  region', '  Tags,\n  BasePath,\n  region')
      .replace("  '{{ api_tags }}',\n", `  '{{ api_tags }}',\n  '${WRITE_ONLY}',\n`),
  );
  return stack;
}

const SECRET = ['-e', `DB_PASSWORD=${VARIABLE}`, '--secret', 'DB_PASSWORD'];

function leaks(runs: Record<string, CliRun>): string[] {
  return Object.entries(runs).flatMap(([name, run]) =>
    CANARIES.filter((c) => run.stdout.includes(c) || run.stderr.includes(c)).map((c) => `${name}: ${c}`),
  );
}

/** Files under `dir` holding a canary that someone other than their owner could read. */
function readableByOthers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isFile()) return [];
    const text = readFileSync(path, 'utf8');
    const mode = statSync(path).mode & 0o777;
    return CANARIES.some((c) => text.includes(c)) && (mode & 0o077) !== 0 ? [`${name} ${mode.toString(8)}`] : [];
  });
}

describe('secrets', () => {
  it('appear in no output and no readable file', { timeout: 60_000 }, async () => {
    const stack = canaryStack();
    const out = join(stack, 'saved-plan.json');
    const local = [stack, 'dev', '--local', ...SECRET];
    const runs: Record<string, CliRun> = {
      render: await deploy(['render', stack, 'dev', ...SECRET]),
      plan: await deploy(['plan', ...local, '--diff']),
      'plan --json': await deploy(['plan', ...local, '--json']),
      'plan --out': await deploy(['plan', ...local, '--out', out]),
    };
    runs['apply --plan'] = await deploy(['apply', ...local, '--plan', out, '--yes', '--diff']);
    runs['plan after'] = await deploy(['plan', ...local, '--diff', '--json']);
    // A change of every secret: --diff shows old and new, both masked.
    editManifest(stack, (text) => text.replace(PROTECTED, `${PROTECTED}-2`));
    runs['apply --json'] = await deploy(['apply', ...local, '--diff', '--json', '--yes']);
    // An error quoting a secret: the integration's timeout is not a number.
    editManifest(stack, (text) => text.replace('value: 29000', 'value: "{{ DB_PASSWORD }}"'));
    runs['error'] = await deploy(['plan', ...local]);
    editManifest(stack, (text) => text.replace('value: "{{ DB_PASSWORD }}"', 'value: 29000'));
    runs['teardown'] = await deploy(['teardown', ...local, '--yes', '--json']);

    expect(Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.code]))).toEqual({
      render: 0,
      plan: 0,
      'plan --json': 0,
      'plan --out': 0,
      'apply --plan': 0,
      'plan after': 0,
      'apply --json': 0,
      error: 1,
      teardown: 0,
    });
    expect(leaks(runs)).toEqual([]);
    expect(runs['plan']?.stdout).toContain('(sensitive)');
    expect(runs['render']?.stdout).toContain('"Description": "(sensitive)"');
    expect(runs['error']?.stderr).toMatch(/TimeoutInMillis.*\(sensitive\)/);
    expect(readFileSync(out, 'utf8')).not.toMatch(/canary/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    // What deploy wrote (ledger, journal, local cloud data); the stack's own files are the user's.
    expect(readableByOthers(join(stack, '.deploy'))).toEqual([]);
    expect(readdirSync(join(stack, '.deploy'), { recursive: true })).toContain(join('local-cloud', 'state.json'));
  });
});
