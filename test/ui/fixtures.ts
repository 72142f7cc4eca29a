/** A small websocket-API stack's plan and the events of applying it, shared by the UI tests. */
import type { EngineEvent, RunSummary } from '../../src/events/events.js';
import type { ChangeAction, Plan, ResourceChange } from '../../src/plan/types.js';

export const T0 = Date.parse('2025-01-01T12:00:00.000Z');

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function change(resource: string, action: ChangeAction, extra: Partial<ResourceChange> = {}): ResourceChange {
  return {
    resource,
    type: 'AWS::ApiGatewayV2::Api',
    region: 'us-east-1',
    action,
    reason: '',
    changes: [],
    dependsOn: [],
    ...extra,
  };
}

/** Builds a plan whose summary matches its resources. */
export function planOf(resources: ResourceChange[]): Plan {
  const count = (a: ChangeAction) => resources.filter((r) => r.action === a).length;
  return {
    version: 1,
    stack: 'websocket-api',
    env: 'dev',
    createdAt: iso(T0),
    resources,
    summary: {
      create: count('create'),
      update: count('update'),
      replace: count('replace'),
      delete: count('delete'),
      noop: count('noop'),
    },
  };
}

export const samplePlan: Plan = planOf([
  change('api', 'create', {
    reason: 'not found',
    changes: [
      { path: '/Name', kind: 'add', after: 'chat' },
      { path: '/ProtocolType', kind: 'add', after: 'WEBSOCKET' },
    ],
  }),
  change('integration', 'create', {
    type: 'AWS::ApiGatewayV2::Integration',
    reason: 'not found',
    dependsOn: ['api'],
    changes: [
      { path: '/ApiId', kind: 'add', after: '«unknown:api.api_id»', unknown: true },
      { path: '/IntegrationType', kind: 'add', after: 'AWS_PROXY' },
    ],
  }),
  change('route', 'create', {
    type: 'AWS::ApiGatewayV2::Route',
    reason: 'not found',
    dependsOn: ['api', 'integration'],
    changes: [{ path: '/Target', kind: 'add', after: 'integrations/«unknown:integration.integration_id»' }],
  }),
  change('stage', 'update', {
    type: 'AWS::ApiGatewayV2::Stage',
    reason: 'Description changed',
    identifier: 'abc1234|dev',
    drift: true,
    changes: [
      { path: '/Description', kind: 'change', before: 'old', after: 'new' },
      { path: '/StageVariables/token', kind: 'change', before: 's3cret', after: 'n3w', sensitive: true },
      { path: '/Tags/0/Value', kind: 'remove', before: 'x' },
    ],
  }),
  change('authorizer', 'replace', {
    type: 'AWS::ApiGatewayV2::Authorizer',
    reason: 'AuthorizerType is create-only',
    identifier: 'abc1234|auth99',
    changes: [
      { path: '/AuthorizerType', kind: 'change', before: 'REQUEST', after: 'JWT', forcesReplacement: true },
      { path: '/Name', kind: 'change', before: 'a', after: 'b' },
    ],
  }),
  change('deployment', 'noop', { type: 'AWS::ApiGatewayV2::Deployment' }),
  change('logs', 'noop', { type: 'AWS::Logs::LogGroup' }),
  change('role', 'noop', { type: 'AWS::IAM::Role' }),
]);

/** Events with times on a fixed clock: `at(ms)` stamps an event `ms` after T0. */
export function at(ms: number): string {
  return iso(T0 + ms);
}

export const emptySummary: RunSummary = {
  created: 0,
  updated: 0,
  replaced: 0,
  deleted: 0,
  unchanged: 0,
  failed: 0,
  skipped: 0,
};

export function started(resource: string, resourceType: string, action: ChangeAction, ms: number): EngineEvent {
  return { type: 'resource_started', time: at(ms), resource, resourceType, action };
}

export function finished(
  resource: string,
  resourceType: string,
  action: ChangeAction,
  ms: number,
  durationMs: number,
  identifier?: string,
): EngineEvent {
  const event: EngineEvent = { type: 'resource_finished', time: at(ms), resource, resourceType, action, durationMs };
  if (identifier !== undefined) event.identifier = identifier;
  return event;
}

/** A whole, successful `deploy plan` run of samplePlan, as the engine emits it. */
export function planRun(): EngineEvent[] {
  return [
    { type: 'run_started', time: at(0), command: 'plan', stack: 'websocket-api', env: 'dev' },
    { type: 'plan_ready', time: at(0), plan: samplePlan },
    { type: 'run_finished', time: at(1), command: 'plan', outcome: 'success', durationMs: 1, summary: emptySummary },
  ];
}
