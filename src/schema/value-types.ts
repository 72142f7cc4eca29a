/**
 * JSON Schema nodes of a registry schema → the engine's ValueTypes. Named object definitions
 * become `{kind: 'ref'}` entries of `definitions` (so recursive types stay finite); inline
 * objects get a definition too, keyed by where they sit (`$.AccessLogSettings` for a top-level
 * property, `Def.Prop[]` for the items of a definition's array), which no registry definition
 * name can collide with: those are plain alphanumerics. Everything the
 * engine cannot use precisely (tuples, free-form objects, constraints) degrades to `json`.
 */
import type { CfnNode, CfnResourceSchema } from './cfn-schema.js';
import type { DefinitionSchema, PropertySchema, ValueType } from './types.js';

const JSON_TYPE: ValueType = { kind: 'json' };

export class ValueTypes {
  /** Definitions reached so far, by id. */
  readonly definitions: Record<string, DefinitionSchema> = {};
  /** Non-object definitions being expanded inline, to cut cycles. */
  private readonly expanding = new Set<string>();

  constructor(private readonly raw: CfnResourceSchema) {}

  /** The value type of `node`; `at` names inline objects found in it. */
  typeOf(node: CfnNode | undefined, at: string): ValueType {
    if (!node || typeof node !== 'object') return JSON_TYPE;
    if (node.$ref !== undefined) return this.refType(node.$ref, at);
    if (node.allOf?.length) {
      // A conjunction: the members' keys together describe one value.
      const { allOf, ...rest } = node;
      return this.typeOf(Object.assign({}, ...allOf, rest) as CfnNode, at);
    }
    const types = Array.isArray(node.type) ? node.type : node.type !== undefined ? [node.type] : inferredTypes(node);
    if (types.length === 0) {
      const alternatives = node.oneOf ?? node.anyOf;
      if (alternatives?.length) return unionOf(alternatives.map((alt, i) => this.typeOf(alt, `${at}|${i}`)));
      return JSON_TYPE;
    }
    return unionOf(types.map((type) => this.single(node, type, at)));
  }

  /** Properties of an object node (a definition or an inline object). */
  propertiesOf(node: CfnNode, owner: string): Record<string, PropertySchema> {
    const required = new Set(node.required ?? []);
    const result: Record<string, PropertySchema> = {};
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      result[name] = this.property(child, `${owner}.${name}`, required.has(name));
    }
    return result;
  }

  property(node: CfnNode, at: string, required: boolean): PropertySchema {
    const prop: PropertySchema = { type: this.typeOf(node, at) };
    if (required) prop.required = true;
    if (node.default !== undefined) prop.default = node.default;
    const refs = relationshipRefs(node);
    if (refs.length) prop.refs = refs;
    return prop;
  }

  private single(node: CfnNode, type: string, at: string): ValueType {
    switch (type) {
      case 'string': {
        if (node.format === 'date-time') return { kind: 'date-time' };
        const allowed = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
        return allowed?.length ? { kind: 'string', allowed: allowed.map(String) } : { kind: 'string' };
      }
      case 'integer':
      case 'number':
      case 'boolean':
      case 'null':
        return { kind: type };
      case 'array': {
        const items = Array.isArray(node.items) ? undefined : node.items;
        const element = items ? this.typeOf(items, `${at}[]`) : JSON_TYPE;
        return node.insertionOrder === false ? { kind: 'array', element, unordered: true } : { kind: 'array', element };
      }
      case 'object':
        return this.objectType(node, at);
      default:
        return JSON_TYPE;
    }
  }

  private objectType(node: CfnNode, at: string): ValueType {
    if (node.properties && Object.keys(node.properties).length > 0) {
      if (isTag(node)) return { kind: 'tag' };
      if (!this.definitions[at]) {
        const name = at.slice(at.lastIndexOf('.') + 1).replace(/(\[\]|\{\}|\|\d+)+$/, '');
        // Registered before its properties are converted, so a self-reference finds it.
        const def: DefinitionSchema = { name, properties: {} };
        this.definitions[at] = def;
        def.properties = this.propertiesOf(node, at);
      }
      return { kind: 'ref', ref: at };
    }
    const patterns = Object.values(node.patternProperties ?? {});
    if (patterns.length) return { kind: 'map', element: unionOf(patterns.map((p) => this.typeOf(p, `${at}{}`))) };
    if (typeof node.additionalProperties === 'object') {
      return { kind: 'map', element: this.typeOf(node.additionalProperties, `${at}{}`) };
    }
    // An object that is one of several shapes (`oneOf: [{properties: {Efs}}, {properties: {Fsx}}]`).
    const shapes = (node.oneOf ?? node.anyOf ?? []).filter((alt) => alt.properties || alt.$ref);
    if (shapes.length) return unionOf(shapes.map((alt, i) => this.typeOf({ type: 'object', ...alt }, `${at}|${i}`)));
    return JSON_TYPE; // an object with no properties: free-form
  }

  private refType(ref: string, at: string): ValueType {
    const definition = /^#\/definitions\/([^/]+)$/.exec(ref)?.[1];
    if (definition !== undefined) {
      const node = this.raw.definitions?.[definition];
      if (!node) return JSON_TYPE;
      // Named objects keep their name as id; anything else is expanded where it is used.
      if (isObjectNode(node) && !isTag(node)) return this.objectType(node, definition);
      return this.expand(`#${definition}`, node, definition);
    }
    const property = /^#\/properties\/([^/]+)$/.exec(ref)?.[1];
    if (property !== undefined) return this.expand(`@${property}`, this.raw.properties[property], at);
    return JSON_TYPE;
  }

  private expand(key: string, node: CfnNode | undefined, at: string): ValueType {
    if (this.expanding.has(key)) return JSON_TYPE; // a cycle through arrays or unions
    this.expanding.add(key);
    try {
      return this.typeOf(node, at);
    } finally {
      this.expanding.delete(key);
    }
  }
}

/** The type a node implies without saying `type`. */
function inferredTypes(node: CfnNode): string[] {
  if (node.properties || node.patternProperties) return ['object'];
  if (node.items) return ['array'];
  const values = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
  if (values?.length) {
    return [
      ...new Set(values.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v))),
    ];
  }
  if (node.pattern !== undefined || node.format !== undefined) return ['string'];
  return [];
}

function isObjectNode(node: CfnNode): boolean {
  const types = Array.isArray(node.type) ? node.type : node.type !== undefined ? [node.type] : inferredTypes(node);
  return types.length === 1 && types[0] === 'object' && Object.keys(node.properties ?? {}).length > 0;
}

/** The standard `{Key, Value}` tag shape, which the engine compares as a set. */
function isTag(node: CfnNode): boolean {
  const keys = Object.keys(node.properties ?? {}).sort();
  return keys.length === 2 && keys[0] === 'Key' && keys[1] === 'Value';
}

/** One type for several: nested unions flattened, duplicates dropped, string variants merged. */
export function unionOf(types: ValueType[]): ValueType {
  const flat = types.flatMap((t) => (t.kind === 'union' ? t.types : [t]));
  const unique = [...new Map(flat.map((t) => [JSON.stringify(t), t])).values()];
  if (unique.length === 0) return JSON_TYPE;
  if (unique.length > 1 && unique.every((t) => t.kind === 'string')) {
    // Enumerations and patterns of one string: allowed values only if every variant lists them.
    const lists = unique.map((t) => (t.kind === 'string' ? t.allowed : undefined));
    if (lists.some((l) => l === undefined)) return { kind: 'string' };
    return { kind: 'string', allowed: [...new Set(lists.flatMap((l) => l ?? []))] };
  }
  return unique.length === 1 ? (unique[0] as ValueType) : { kind: 'union', types: unique };
}

/** Relationship references on a node or its items/alternatives (a list of subnet ids…). */
function relationshipRefs(node: CfnNode): { type: string; property: string }[] {
  const found: { type: string; property: string }[] = [];
  const visit = (n: CfnNode | undefined): void => {
    if (!n || typeof n !== 'object') return;
    const ref = n.relationshipRef;
    if (ref?.typeName && ref.propertyPath) {
      found.push({ type: ref.typeName, property: ref.propertyPath.replace(/^\/properties\//, '') });
    }
    if (!Array.isArray(n.items)) visit(n.items);
    for (const alt of [...(n.oneOf ?? []), ...(n.anyOf ?? [])]) visit(alt);
  };
  visit(node);
  return [...new Map(found.map((r) => [`${r.type}.${r.property}`, r])).values()];
}
