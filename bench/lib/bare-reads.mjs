// GetResource as bare node:http POSTs (no SDK, no signing), `parallelism` at a time: the least a
// client can do to read N resources from `deploy local-cloud`. bench/read-floor.mjs uses it in its
// own process, and runs it as a fresh process, which is what a CLI run starts from:
//   node bench/lib/bare-reads.mjs PORT N PARALLELISM ID[,ID...]
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const TYPE = 'AWS::ApiGatewayV2::Api';

/** A GetResource of one identifier, resolving to the parsed answer. */
export function bareReader(port, agent = new http.Agent({ keepAlive: true })) {
  return (identifier) => {
    const body = JSON.stringify({ TypeName: TYPE, Identifier: identifier });
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': 'CloudApiService.GetResource',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve(JSON.parse(text)));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };
}

/** Reads n identifiers (cycling through `ids`), `parallelism` at a time. */
export async function readAll(read, ids, n, parallelism) {
  let next = 0;
  const worker = async () => {
    while (next < n) await read(ids[next++ % ids.length]);
  };
  await Promise.all(Array.from({ length: parallelism }, worker));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port, n, parallelism, ids] = process.argv.slice(2);
  const agent = new http.Agent({ keepAlive: true });
  await readAll(bareReader(port, agent), ids.split(','), Number(n), Number(parallelism));
  agent.destroy();
}
