/** The manifest (`stackql_manifest.yml`) as loaded and checked, before any rendering. */

export interface GlobalDef {
  name: string;
  value: unknown;
  description?: string;
  /** Line of the global's entry (`- name: …`) in the manifest. */
  line: number;
}

export interface PropDef {
  name: string;
  /** The value for every environment, or the default for those not under `values`. */
  value?: unknown;
  /** Per-environment values: `values: { prd: { value: … } }`. */
  values?: Record<string, { value: unknown }>;
  /** Globals or earlier props whose lists are unioned into / mappings merged under this one. */
  merge?: string[];
  description?: string;
  line: number;
}

/** An export: a column of the exports query, published under `alias` (plain name: same). */
export interface ExportDef {
  column: string;
  alias: string;
}

export type ResourceType = 'resource' | 'query' | 'script' | 'multi' | 'command';

export interface ResourceDef {
  name: string;
  type: ResourceType;
  /** Absolute path of the .iql file (default resources/<name>.iql; `file:` is relative to resources/). */
  file: string;
  props: PropDef[];
  exports: ExportDef[];
  /** Export names whose values reporters mask. */
  protected: string[];
  /** Template of a condition; the resource is skipped when it renders false. */
  if?: string;
  description?: string;
  /** Resources this one must come after (`depends_on`), besides those found in its templates. */
  dependsOn: string[];
  skipValidation?: boolean;
  /** Inline SQL for `command` and `query` resources. */
  sql?: string;
  /** Shell command of a `script` resource. */
  run?: string;
  /** Per-resource provider authentication (stackql-deploy 1.8). */
  auth?: Record<string, unknown>;
  /** `return_vals` (stackql-deploy 2.0.4): fields captured from RETURNING, per operation. */
  returnVals?: Record<string, unknown>;
  /** Line of the resource's entry in the manifest. */
  line: number;
}

export interface Manifest {
  /** Absolute path of the stack directory. */
  dir: string;
  /** Absolute path of the manifest file. */
  file: string;
  version?: unknown;
  /** `name:`, or the stack directory's name. */
  name: string;
  description?: string;
  providers: string[];
  globals: GlobalDef[];
  resources: ResourceDef[];
  /** Stack outputs. */
  exports: ExportDef[];
  /** Where state lives (`s3://BUCKET/PREFIX` or `file`), unless --state says otherwise. */
  state?: string;
}
