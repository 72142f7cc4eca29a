/** Usage texts. Kept free of heavy imports: `deploy --help` must start fast. */
export const VERSION = '0.1.0';

const COMMON = `Options for plan, apply and teardown:
  --local                 use the built-in local Cloud Control (no AWS account needed);
                          data in <stack-dir>/.deploy/local-cloud unless --local-data DIR
  --endpoint URL          another Cloud Control endpoint (or AWS_ENDPOINT_URL_CLOUDCONTROL)
  -e, --var KEY=VALUE     a template variable (repeatable; overrides --env-file)
  --env-file FILE         KEY=VALUE lines as template variables
  --secret NAME           mask the value of variable NAME in every output (repeatable)
  --json                  one JSON event per line on stdout (schema: src/events/EVENTS.md)
  --no-color              no colours (also NO_COLOR=1)
  --diff                  show property-level changes in the plan
  --parallelism N         operations at once (default 10)
  --rate-limit N          Cloud Control requests per second (default 20 on AWS, unlimited locally)`;

export const HELP = `deploy ${VERSION}: declarative deploys to AWS through Cloud Control, from stackql-deploy stacks

Usage:
  deploy validate <stack-dir> <env>        check manifest, templates and queries against the schemas
  deploy render <stack-dir> <env>          print rendered statements and desired state as JSON
        [--resource NAME]
  deploy plan <stack-dir> <env>            show what apply would change
        [--out FILE] [--detailed-exitcode]
  deploy apply <stack-dir> <env>           create, update, replace and delete to match the stack
        [--plan FILE] [--yes] [--on-failure stop|continue|rollback]
  deploy teardown <stack-dir> <env> [--yes] delete everything the stack deployed, children first
  deploy unlock <stack-dir> <env>          remove a stale lock left by a killed run
  deploy local-cloud [--port 4566] [--host 127.0.0.1] [--data DIR]
                                           serve the local Cloud Control API
        [--latency MS|MIN-MAX] [--rate-limit N] [--fault SPEC]

${COMMON}

Exit codes: 0 success (plan --detailed-exitcode: no changes), 1 error, 2 changes present
(plan --detailed-exitcode), 130 interrupted.

Example, no AWS account needed:
  deploy apply examples/websocket-api dev --local --yes
`;
