/**
 * Stack state: the ledger of deployed resources and the lock that keeps runs apart.
 * Format and rules: README.md in this folder.
 */
export { Ledger, ledgerEntry } from './ledger.js';
export type { LedgerData, LedgerEntry } from './ledger-format.js';
export { acquireLock, forceUnlock } from './lock.js';
export type { AcquireLockOptions, Lock } from './lock.js';
export type { LockInfo } from './lock-file.js';
export { stateDir, statePath, lockPath } from './paths.js';
