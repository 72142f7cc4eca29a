/** Ledger records the state tests share: an S3 bucket's entry and the intent to create it. */
import { ledgerEntry, type IntentRequest, type LedgerEntry } from '../../src/state/index.js';

/** The entry of bucket `resource` (identifier `<resource>-id`), made at `at` (default now). */
export function bucketEntry(resource: string, at?: Date): LedgerEntry {
  const fields = {
    resource,
    type: 'AWS::S3::Bucket',
    region: 'us-east-1',
    identifier: `${resource}-id`,
    dependsOn: [],
    exports: {},
    desired: { BucketName: resource },
  };
  return at === undefined ? ledgerEntry(fields) : ledgerEntry(fields, at);
}

/** The intent to create bucket `resource`. */
export const bucketCreate = (resource: string): IntentRequest => ({
  resource,
  type: 'AWS::S3::Bucket',
  region: 'us-east-1',
  operation: 'create',
  desired: { BucketName: resource },
  dependsOn: [],
});
