export { SchemaRegistry, schemaRegistry, registryDir } from './registry.js';
export { snakeCase, pascalCase, pluralize, stackqlNameOf, normaliseStackqlName } from './names.js';
export type { TypeSchema, PropertySchema, ValueType, DefinitionSchema, ParentLink } from './types.js';
