/**
 * StackQL SELECTs over Cloud Control: flat ones answered directly, the rest by an embedded
 * SQLite (loaded only then) over temporary tables fetched through the CloudControlPort.
 */
export { SqlEngine, queryColumns, typesRead, type Selection, type SqlEngineOptions } from './engine.js';
export { readKey, type Fetched, type ReadCache } from './fetch.js';
export type { QueryOrigin, QueryResult, Row, SqlValue } from './types.js';
export { sqliteLoadMs, sqliteVersions } from './sqlite.js';
