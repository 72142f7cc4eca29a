/** Query files: anchor blocks, StackQL statements as typed operations, and schema checks. */
export { splitAnchors } from './anchors.js';
export type { AnchorBlock } from './anchors.js';
export { ANCHOR_NAMES, isQueryAnchor } from './anchor-header.js';
export type { AnchorName, AnchorOperation } from './anchor-header.js';
export { parseStatement, splitStatements } from './statement.js';
export { STATEMENT_FORMS } from './cursor.js';
export { checkCreate } from './check.js';
export type {
  StatementContext,
  Operation,
  CreateOperation,
  UpdateOperation,
  DeleteOperation,
  SelectOperation,
} from './types.js';
