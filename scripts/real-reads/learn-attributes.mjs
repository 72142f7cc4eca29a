// How the service forms the read-only values it generates, per type and by name.
import { abstractValue, classOf, groupBy, hasGenerator, looksRandom, mergeValues } from './templates.mjs';

/**
 * The read-only attributes in the order they are generated: primary-identifier parts first.
 * An attribute may be built from writable properties and from attributes before it.
 */
function attributeOrder(c) {
  const readOnly = new Set(c.readOnly);
  const first = c.primaryIdentifier.filter((p) => readOnly.has(p));
  return [...first, ...c.readOnly.filter((p) => !first.includes(p)).sort()];
}

/**
 * What an attribute may be built from: the values a create will have when it is generated,
 * i.e. what the user declared, names the service generates (identifier parts, `generated`
 * ones), and attributes generated before it. Not values the service fills in by default.
 */
function refsFor(c, name, order) {
  const refs = {};
  const readOnly = new Set(c.readOnly);
  const before = new Set(order.slice(0, order.indexOf(name)));
  for (const [key, value] of Object.entries(c.live)) {
    if (key === name || typeof value !== 'string') continue;
    const known = readOnly.has(key)
      ? before.has(key)
      : key in c.declared || c.generated.has(key) || c.primaryIdentifier.includes(key);
    if (known) refs[key] = value;
  }
  for (const [key, value] of Object.entries(c.declared)) {
    if (key !== name && typeof value === 'string') refs[key] ??= value;
  }
  return refs;
}

export function learnAttributes(cases) {
  const result = {};
  for (const [typeName, group] of groupBy(cases, (c) => c.typeName)) {
    const order = attributeOrder(group[0]);
    const attributes = {};
    for (const name of order) {
      const samples = group.filter((c) => c.live[name] !== undefined);
      if (samples.length === 0) continue;
      const isIdPart = group[0].primaryIdentifier.includes(name);
      // A generated identifier that is one word is random even when seen once ("zqeejp").
      const oneWord = samples.every((c) => typeof c.live[name] === 'string' && classOf(c.live[name]) !== undefined);
      const lone = (word) => looksRandom(word) || (isIdPart && oneWord && word.length >= 5);
      // Epoch timestamps and counters that large are not constants.
      if (samples.some((c) => typeof c.live[name] === 'number' && Math.abs(c.live[name]) >= 1e9)) continue;
      const merged = mergeValues(
        samples.map((c) => abstractValue(c.live[name], { ...c, refs: refsFor(c, name, order) })),
        { lone },
      );
      // An identifier part the same for every resource would make them all collide.
      const constant = typeof merged === 'string' && !merged.replaceAll('$$', '').includes('${');
      const collides = constant && group[0].primaryIdentifier.length === 1 && isIdPart;
      if (merged !== undefined && !collides) attributes[name] = merged;
    }
    if (Object.keys(attributes).length) result[typeName] = attributes;
  }
  return result;
}

/**
 * Id formats by property name within a service (`EC2` / `VpcId` → `vpc-0${hex:16}`), from every
 * value of a `…Id` property any sample holds: they serve types no sample covers. Only names
 * that are some type's own id (`<Type>Id`, the type in the same service), which the service
 * generates somewhere: a generic `AssociationId` says nothing about another type's ids.
 */
export function learnByName(cases, typeNames) {
  const idNames = new Set(typeNames.map((t) => `${t.split('::')[1]}\u0000${t.split('::')[2]}Id`.toLowerCase()));
  const samples = new Map();
  const generatedSomewhere = new Set(
    cases.flatMap((c) => c.readOnly.map((p) => `${c.typeName.split('::')[1]}\u0000${p}`)),
  );
  // Another type holds a type's own `Id` as `<Type>Id` (a TransitGateway's Id is a TransitGatewayId).
  const ownId = (c) => (c.primaryIdentifier.join() === 'Id' ? `${c.typeName.split('::')[2]}Id` : undefined);
  for (const c of cases) if (ownId(c)) generatedSomewhere.add(`${c.typeName.split('::')[1]}\u0000${ownId(c)}`);
  for (const c of cases) {
    const service = c.typeName.split('::')[1];
    const own = ownId(c) && typeof c.live.Id === 'string' ? { [ownId(c)]: c.live.Id } : {};
    for (const source of [c.live, c.declared, own]) {
      for (const [name, value] of Object.entries(source)) {
        if (!/[a-z]Id$/.test(name) || typeof value !== 'string') continue;
        const key = `${service}\u0000${name}`;
        if (!samples.has(key)) samples.set(key, new Set());
        samples.get(key).add(value);
      }
    }
  }
  const result = {};
  for (const [key, values] of [...samples].sort()) {
    const [service, name] = key.split('\u0000');
    const abstracted = [...values].map((v) =>
      abstractValue(v, { refs: {}, region: 'us-east-1', account: '111111111111' }),
    );
    const merged = mergeValues(abstracted);
    const shape =
      typeof merged === 'string'
        ? /^[a-z0-9-]*\$\{(hex|alnum|ALNUM|Alnum|digits):(\d+)\}$|^\$\{uuid\}$/.exec(merged)
        : null;
    if (
      generatedSomewhere.has(key) &&
      idNames.has(key.toLowerCase()) &&
      shape &&
      (shape[2] === undefined || Number(shape[2]) >= 6)
    ) {
      (result[service] ??= {})[name] = merged;
    }
  }
  return result;
}
