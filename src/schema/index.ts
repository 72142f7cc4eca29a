export { SchemaRegistry, schemaRegistry, registryDir, type OverlaySource } from './registry.js';
export { overlaySchema } from './overlay.js';
export { distilDescribed } from './distil.js';
export { snakeCase, pascalCase, pluralize, stackqlNameOf, normaliseStackqlName, typeColumns } from './names.js';
export { assertProvisionable, notProvisionableError, provisionable, provisionProblems } from './provisionable.js';
export type {
  TypeSchema,
  PropertySchema,
  ValueType,
  DefinitionSchema,
  ParentLink,
  Handler,
  PropertyPath,
} from './types.js';
