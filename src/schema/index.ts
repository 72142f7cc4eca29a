export { SchemaRegistry, schemaRegistry, registryDir } from './registry.js';
export { snakeCase, pascalCase, pluralize, stackqlNameOf, normaliseStackqlName } from './names.js';
export { closest, editDistance } from './suggest.js';
export type { TypeSchema, PropertySchema, ValueType, DefinitionSchema, ParentLink, Handler } from './types.js';
