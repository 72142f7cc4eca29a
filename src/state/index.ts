/**
 * Stack state: the ledger of deployed resources and the lock that keeps runs apart.
 * Format and rules: README.md in this folder.
 */
export { Ledger, type LedgerOpenOptions } from './ledger.js';
export { ledgerEntry } from './ledger-state.js';
export type { JournalRecord, LedgerData, LedgerEntry } from './ledger-format.js';
export type { Intent, IntentOperation, IntentRequest } from './intent.js';
export { acquireLock, forceUnlock, lockHolder } from './lock.js';
export type { AcquireLockOptions, Lock } from './lock.js';
export type { LockInfo } from './lock-file.js';
export { writeFileAtomic } from './atomic-write.js';
export { stateDir, statePath, journalPath, lockPath } from './paths.js';
export { fileBackend, s3Backend, type LockDefaults, type StateBackend } from './backend.js';
export { chosenStateUrl, parseStateUrl } from './state-url.js';
export { releaseS3Locks } from './s3-lock.js';
export { forgetEntry, moveEntry, pullState, pushState, type StateTarget } from './state-edit.js';
