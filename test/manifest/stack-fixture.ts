/** Temporary stack directories for manifest tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Creates a stack directory holding `manifest` (and any other files), returns its path. */
export function writeStack(manifest: string, files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-manifest-'));
  fs.writeFileSync(path.join(dir, 'stackql_manifest.yml'), manifest);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A realistic manifest; line numbers in tests refer to it, so edit with care. */
export const FULL_MANIFEST = `# yaml-language-server: $schema=../../manifests/stackql_manifest.schema.json
version: 1
name: websocket-api
description: a websocket API
providers:
  - awscc
globals:
  - name: region
    description: aws region
    value: "{{ AWS_REGION }}"
  - name: global_tags
    value:
      - Key: Provisioner
        Value: stackql
      - Key: StackEnv
        Value: "{{ stack_env }}"
resources:
  - name: api
    props:
      - name: api_name
        value: "{{ stack_name }}-{{ stack_env }}-api"
      - name: route_selection
        values:
          prd:
            value: "$request.body.action"
          dev:
            value: "$request.body.dev"
      - name: tags
        value:
          - Key: Name
            Value: "{{ stack_name }}"
        merge:
          - global_tags
    exports:
      - api_id
      - api_endpoint: endpoint
    protected:
      - endpoint
  - name: integration
    file: shared/integration.iql
    depends_on: [api]
    if: "'{{ stack_env }}' == 'prd'"
    skip_validation: true
    props:
      - name: region
        value: eu-west-1
    exports:
      - integration_id
  - name: lookup
    type: query
    sql: SELECT 1 AS one
    exports: [one]
exports:
  - api_id
  - endpoint
`;
