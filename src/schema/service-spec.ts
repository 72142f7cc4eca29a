/**
 * The two facts the CloudFormation registry schemas lack, taken from `@aws-cdk/aws-service-spec`
 * at build time:
 *
 * - relationship references (298 types there, 26 in the registry): the parent links the
 *   emulator's referential integrity and the engine's ordering checks rest on;
 * - ARN templates (1,002 types): how the emulator makes plausible ARNs.
 *
 * Nothing else is taken from it: the registry is the truth about types, properties and handlers.
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SchemaExtras } from './distil.js';

interface SpecResource {
  cloudFormationType: string;
  properties: Record<string, { relationshipRefs?: { cloudFormationType: string; propertyName: string }[] }>;
  arnTemplate?: string;
}

/** Extras by CloudFormation type name. */
export function serviceSpecExtras(): Map<string, SchemaExtras> {
  const require = createRequire(import.meta.url);
  const specDir = dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
  const db = JSON.parse(gunzipSync(readFileSync(join(specDir, 'db.json.gz'))).toString('utf8')) as {
    schema: Record<string, { entities?: unknown[] }>;
  };
  const extras = new Map<string, SchemaExtras>();
  for (const res of (db.schema['resource']?.entities ?? []) as SpecResource[]) {
    const entry: SchemaExtras = {};
    for (const [name, prop] of Object.entries(res.properties)) {
      if (!prop.relationshipRefs?.length) continue;
      (entry.refs ??= {})[name] = prop.relationshipRefs.map((r) => ({
        type: r.cloudFormationType,
        property: r.propertyName,
      }));
    }
    if (res.arnTemplate) entry.arnTemplate = res.arnTemplate;
    extras.set(res.cloudFormationType, entry);
  }
  return extras;
}
