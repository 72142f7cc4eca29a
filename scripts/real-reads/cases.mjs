// The recorded reads, each with what the registry schema says of its type.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const stripPointer = (pointer) => pointer.replace(/^\/properties\//, '');

/** The cases of a directory of recorded reads; `schemaOf(type)` gives a registry schema. */
export function loadCases(readsDir, schemaOf) {
  return readdirSync(readsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(readsDir, file), 'utf8'));
      const typeName = raw.resource.resourceType;
      const schema = schemaOf(typeName);
      const topLevel = (pointers) => (pointers ?? []).map(stripPointer).filter((p) => !p.includes('/'));
      return {
        file,
        typeName,
        declared: raw.resource.declared ?? {},
        live: raw.liveRaw ?? {},
        expected: raw.expected ?? [],
        generated: new Set((raw.expected ?? []).filter((e) => e.tier === 'generated').map((e) => e.path)),
        region: raw.opts?.region ?? 'us-east-1',
        account: raw.opts?.accountId ?? '111111111111',
        primaryIdentifier: topLevel(schema.primaryIdentifier),
        readOnly: topLevel(schema.readOnlyProperties),
      };
    });
}
