/** A stack loaded for one environment, and what loading it needs. */
import type { Secrets } from '../common/index.js';
import type { DeployError } from '../errors/index.js';
import type { Manifest, ResourceDef } from '../manifest/index.js';
import type { AnchorBlock, AnchorName } from '../query/index.js';

export interface StackResource {
  def: ResourceDef;
  /** The query file relative to the working directory, for messages. */
  file: string;
  blocks: Partial<Record<AnchorName, AnchorBlock>>;
  /** Resources this one depends on: template references to their exports, and `depends_on`. */
  dependsOn: string[];
  /** What it needs deployed: one resource of each group (see edges.ts). */
  anyOf: string[][];
}

export interface Stack {
  dir: string;
  name: string;
  env: string;
  manifest: Manifest;
  /** stack_name, stack_env, globals, vars. */
  context: Record<string, unknown>;
  resources: StackResource[];
  /** Problems in query files (missing, bad anchors): validate reports them, plan refuses. */
  problems: DeployError[];
  /** Secret values known so far (`--secret` variables first; more as resources are read): outputs mask them. */
  secrets: Secrets;
}

export interface StackInput {
  stackDir: string;
  env: string;
  /** Process environment: bare names and `vars.*` in templates. */
  processEnv: Record<string, string | undefined>;
  envFile?: string;
  /** `-e KEY=VALUE` items. */
  assignments: string[];
  /** `--secret NAME` items: variables whose values every output masks. */
  secrets?: string[];
  cwd: string;
}
