/**
 * The plan: pure data, produced by the planner from desired and actual state, consumed by the
 * engine (to apply) and by reporters (to show). Saved to disk by `deploy plan --out`.
 */

export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'noop';

/** One RFC 6902 operation, paths relative to the schema's properties (`/TimeoutInMillis`). */
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export interface PropertyChange {
  /** JSON pointer below the resource's properties, e.g. `/TimeoutInMillis`. */
  path: string;
  kind: 'add' | 'remove' | 'change';
  before?: unknown;
  after?: unknown;
  /** The new value depends on a resource not yet created: "(known after apply)". */
  unknown?: true;
  /** A create-only property: this change forces a replacement. */
  forcesReplacement?: true;
  /** The property is protected: reporters mask its values. */
  sensitive?: true;
}

export interface ResourceChange {
  /** Manifest resource name. */
  resource: string;
  /** CloudFormation type, e.g. `AWS::ApiGatewayV2::Integration`. */
  type: string;
  region: string;
  action: ChangeAction;
  /** Why, in words: "not found", "ProtocolType is create-only", "removed from manifest", … */
  reason: string;
  /** Cloud Control identifier, when the resource exists. */
  identifier?: string;
  changes: PropertyChange[];
  /** For updates: the patch to send. */
  patch?: PatchOperation[];
  /** True when the actual state differs from what this engine last applied. */
  drift?: true;
  /** Manifest resources this one depends on. */
  dependsOn: string[];
  /** Hash of what was read (GetResource), so a saved plan can detect staleness. */
  fingerprint?: string;
}

export interface PlanSummary {
  create: number;
  update: number;
  replace: number;
  delete: number;
  noop: number;
}

export interface Plan {
  /** Format version of a saved plan. */
  version: 1;
  stack: string;
  env: string;
  createdAt: string;
  resources: ResourceChange[];
  summary: PlanSummary;
}
