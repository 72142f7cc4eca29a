/**
 * The local cloud: a Cloud Control API emulator served over HTTP on loopback, so the real
 * SDK and the AWS CLI talk to it as to AWS. Behaviour: SPEC.md beside this file.
 */
export { startLocalCloud } from './server.js';
export { localCloudOptionsFromEnv, parseLatency } from './env.js';
export { parseFaults } from './faults.js';
export { runningLocalCloud } from './lock.js';
export { clientsGone, registerClient } from './clients.js';
export type { FaultRule, LocalCloud, LocalCloudOptions } from './types.js';
