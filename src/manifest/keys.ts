/**
 * The keys each part of the manifest may have. manifests/stackql_manifest.schema.json says the
 * same for editors; test/manifest/schema.test.ts keeps the two in step.
 */
export const TOP_LEVEL_KEYS = [
  'version',
  'name',
  'description',
  'providers',
  'globals',
  'resources',
  'exports',
  'state',
] as const;

/** Top-level keys starting with this are ignored: a place to define YAML anchors. */
export const EXTENSION_PREFIX = 'x-';

export const GLOBAL_KEYS = ['name', 'value', 'description'] as const;

export const RESOURCE_KEYS = [
  'name',
  'type',
  'file',
  'description',
  'props',
  'exports',
  'protected',
  'if',
  'depends_on',
  'skip_validation',
  'sql',
  'run',
  'auth',
  'return_vals',
] as const;

export const PROP_KEYS = ['name', 'value', 'values', 'merge', 'description'] as const;

export const ENV_VALUE_KEYS = ['value'] as const;

export const RESOURCE_TYPES = ['resource', 'query', 'script', 'multi', 'command'] as const;

/**
 * Names the template context defines itself: a global, prop or variable by these names would
 * shadow them (or be shadowed), so the manifest may not declare them.
 */
export const RESERVED_NAMES = ['stack_name', 'stack_env', 'globals', 'vars', 'resource_name'] as const;
