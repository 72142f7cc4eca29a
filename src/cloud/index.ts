export type { CloudControlPort, ResourceState, MutationOptions, ReadOptions } from './port.js';
export { SdkCloudControl } from './cloud-control-client.js';
export type { CloudControlOptions } from './cloud-control-options.js';
export { CloudError, toCloudError } from './cloud-error.js';
export { withRetry, DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export { PreconditionFailed, type ObjectStorePort, type StoredObject, type WriteCondition } from './object-store.js';
export type { S3ObjectStore, S3StoreOptions } from './s3-object-store.js';
export { openS3ObjectStore } from './open-object-store.js';
export { isLoopbackUrl } from './loopback.js';
