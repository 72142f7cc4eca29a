// Parallel apply: a stack of 50 independent resources applied through the CLI against the local
// cloud with an injected latency per operation, at --parallelism 1 and 10. Prints wall times and
// the ratio (the goal: parallelism 10 takes at most a fifth of parallelism 1).
// Usage: node bench/parallel-apply.mjs [resources=50] [latencyMs=100]   (after npm ci)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 50);
const latency = Number(process.argv[3] ?? 100);

function makeStack() {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-bench-'));
  mkdirSync(join(dir, 'resources'));
  const resources = Array.from(
    { length: count },
    (_, i) => `  - name: api_${i}\n    file: api.iql\n    props:\n      - name: api_name\n        value: bench-${i}\n`,
  );
  writeFileSync(
    join(dir, 'stackql_manifest.yml'),
    `name: bench\nglobals:\n  - name: region\n    value: us-east-1\nresources:\n${resources.join('')}`,
  );
  writeFileSync(
    join(dir, 'resources', 'api.iql'),
    `/*+ create */
INSERT INTO aws.apigatewayv2.apis (Name, ProtocolType, RouteSelectionExpression, region)
SELECT '{{ api_name }}', 'WEBSOCKET', '$request.body.action', '{{ region }}';

/*+ delete */
DELETE FROM aws.apigatewayv2.apis WHERE data__Identifier = '{{ api_id }}' AND region = '{{ region }}';
`,
  );
  return dir;
}

function deploy(args) {
  const started = process.hrtime.bigint();
  const out = spawnSync(process.execPath, ['bin/deploy.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DEPLOY_LOCAL_LATENCY_MS: String(latency) },
  });
  if (out.status !== 0) throw new Error(`deploy ${args.join(' ')} exited ${out.status}:\n${out.stdout}\n${out.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const results = {};
for (const parallelism of [1, 10]) {
  const stack = makeStack();
  results[parallelism] = deploy(['apply', stack, 'dev', '--local', '--yes', '--parallelism', String(parallelism)]);
  deploy(['teardown', stack, 'dev', '--local', '--yes', '--parallelism', '10']);
  console.log(
    `apply of ${count} independent resources, ${latency} ms per operation, --parallelism ${String(parallelism).padStart(2)}: ${results[parallelism].toFixed(2)} s`,
  );
}
console.log(
  `parallelism 10 takes ${((results[10] / results[1]) * 100).toFixed(1)}% of the time of parallelism 1 (goal: at most 20%)`,
);
