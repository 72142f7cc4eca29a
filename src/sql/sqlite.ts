/**
 * The embedded SQLite (sql.js: WebAssembly, JSON1 included, nothing to compile on install),
 * loaded on first use only: a stack whose queries are all flat SELECTs never pays for it.
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { FUNCTIONS } from './functions.js';

let loading: Promise<Database> | undefined;
let loadedInMs: number | undefined;

/** The process-wide database (temporary tables only), loaded and set up on first call. */
export function sqliteDatabase(): Promise<Database> {
  return (loading ??= open());
}

/** How long loading took, once it has happened (for benchmarks and --log-level debug). */
export function sqliteLoadMs(): number | undefined {
  return loadedInMs;
}

async function open(): Promise<Database> {
  const started = performance.now();
  // Baseline (Liftoff) code only: optimising SQLite's 700 KB of WebAssembly would cost more CPU
  // than the small queries of a stack ever win back (load ~30 ms instead of ~50 ms, queries no
  // slower: bench/sql-load.mjs, bench/sql-exists.mjs). It applies to WebAssembly compiled from
  // now on in this process.
  v8.setFlagsFromString('--liftoff-only');
  const require = createRequire(import.meta.url);
  const script = require.resolve('sql.js/dist/sql-wasm.js');
  const init = require(script) as (config: { wasmBinary: Uint8Array }) => Promise<SqlJsStatic>;
  const SQL = await init({ wasmBinary: readFileSync(script.replace(/\.js$/, '.wasm')) });
  const db = new SQL.Database();
  for (const [name, fn] of Object.entries(FUNCTIONS)) db.create_function(name, fn);
  db.exec('SELECT 1'); // the first statement compiles the engine's hot paths: pay it here
  loadedInMs = performance.now() - started;
  return db;
}

/** The versions of SQLite and sql.js (loads the engine). */
export async function sqliteVersions(): Promise<{ sqlite: string; sqljs: string }> {
  const db = await sqliteDatabase();
  const require = createRequire(import.meta.url);
  return {
    sqlite: String(db.exec('SELECT sqlite_version()')[0]?.values[0]?.[0] ?? 'unknown'),
    sqljs: (
      JSON.parse(
        readFileSync(join(dirname(require.resolve('sql.js/dist/sql-wasm.js')), '..', 'package.json'), 'utf8'),
      ) as {
        version: string;
      }
    ).version,
  };
}
