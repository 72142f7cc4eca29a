// An exists query over a 100-resource list on the local cloud: py-aws-stack's VPC exists query
// (a tag table grouped by VPC, filtered with json_extract in HAVING) among 100 tagged VPCs, one
// of them the stack's. Measures the answer (ListResources + 100 GetResource + SQLite) and
// telling which VPC it is (the query re-run per candidate), through the real SDK adapter.
// Usage: node bench/sql-exists.mjs [resources] [runs]
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 100);
const runs = Number(process.argv[3] ?? 5);
const { startLocalCloud } = await import(`${root}dist/emulator/index.js`);
const { SdkCloudControl } = await import(`${root}dist/cloud/index.js`);
const { schemaRegistry } = await import(`${root}dist/schema/index.js`);
const { SqlEngine } = await import(`${root}dist/sql/index.js`);

const region = 'us-east-1';
const server = await startLocalCloud({});
const cloud = new SdkCloudControl({
  endpoint: server.url,
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  rateLimit: 0,
  poll: { initialMs: 1, maxMs: 20 },
});
const tags = (env) => [
  { Key: 'Provisioner', Value: 'stackql' },
  { Key: 'StackName', Value: 'aws-stack' },
  { Key: 'StackEnv', Value: env },
];
for (let i = 0; i < count; i++) {
  await cloud.createResource('AWS::EC2::VPC', region, {
    CidrBlock: '10.2.0.0/16',
    Tags: tags(i === count - 1 ? 'dev' : `env${i}`),
  });
}
const exists = `SELECT COUNT(*) as count FROM
(
SELECT vpc_id,
json_group_object(tag_key, tag_value) as tags
FROM aws.ec2.vpc_tags
WHERE region = '${region}'
AND cidr_block = '10.2.0.0/16'
GROUP BY vpc_id
HAVING json_extract(tags, '$.Provisioner') = 'stackql'
AND json_extract(tags, '$.StackName') = 'aws-stack'
AND json_extract(tags, '$.StackEnv') = 'dev'
) t;`;
const at = { file: 'resources/example_vpc.iql', line: 1, resource: 'example_vpc' };
const sql = new SqlEngine({ cloud, registry: schemaRegistry() });
await sql.select('SELECT 1 AS warm', at); // load SQLite once: bench/sql-load.mjs measures that

const answers = [];
const identities = [];
for (let r = 0; r < runs; r++) {
  const started = performance.now();
  const selection = await sql.select(exists, at);
  const answered = performance.now();
  const candidates = selection.candidates('AWS::EC2::VPC');
  const yes = [];
  for (const c of candidates) if ((await selection.narrowed('AWS::EC2::VPC', c)).rows[0]?.count === 1) yes.push(c);
  const identified = performance.now();
  if (selection.rows[0]?.count !== 1 || yes.length !== 1) throw new Error('wrong answer');
  answers.push(answered - started);
  identities.push(identified - started);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `exists over ${count} VPCs: answer median ${median(answers).toFixed(0)} ms; with the VPC identified median ${median(identities).toFixed(0)} ms (${runs} runs)`,
);
console.log(
  `  cloud calls per run: ${JSON.stringify(Object.fromEntries(Object.entries(cloud.callCounts()).map(([k, v]) => [k, k === 'CreateResource' || k === 'GetResourceRequestStatus' ? v : v / runs])))}`,
);
cloud.destroy();
await server.close();
