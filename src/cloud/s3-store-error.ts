/**
 * What S3 says when state cannot be read or written, as errors a user can act on: the bucket
 * named, and what to do. Anything not recognised passes through unchanged.
 */
import { S3ServiceException } from '@aws-sdk/client-s3';
import { DeployError } from '../errors/index.js';

const PERMISSIONS = 's3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'TimeoutError']);

export function storeError(error: unknown, bucket: string): unknown {
  const name = (error as Error | undefined)?.name;
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  const cause = { cause: error };
  if (name === 'NoSuchBucket') {
    return new DeployError('StateBucketMissing', `The state bucket ${bucket} does not exist`, {
      ...cause,
      hint:
        `Create it once (aws s3 mb s3://${bucket}, then turn on versioning), or pick another with --state. ` +
        'Against a `deploy local-cloud`, start it with --bucket ' +
        bucket +
        '; with --local it is created for you.',
    });
  }
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
    return new DeployError('StateAccessDenied', `Access to the state bucket ${bucket} was denied`, {
      ...cause,
      hint: `The credentials in use need ${PERMISSIONS} on the bucket (and its prefix); check AWS_PROFILE and the IAM policy.`,
    });
  }
  if (name === 'CredentialsProviderError') {
    return new DeployError('StateNoCredentials', `No AWS credentials to reach the state bucket ${bucket}`, {
      ...cause,
      hint: 'Set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; or drop --state to keep state in files.',
    });
  }
  // A socket error says what happened by its errno code; a timeout of the SDK's by its name.
  const code = name === 'TimeoutError' ? name : (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && UNREACHABLE.has(code)) {
    return new DeployError('StateUnreachable', `Could not reach S3 for the state bucket ${bucket} (${code})`, {
      ...cause,
      hint: 'Check the network and AWS_ENDPOINT_URL_S3 (or --endpoint); with --endpoint, is the local cloud still running?',
    });
  }
  if (error instanceof S3ServiceException) {
    return new DeployError(
      `State${name ?? 'Error'}`,
      `S3 refused a request on the state bucket ${bucket}: ${error.message}`,
      {
        ...cause,
        hint: 'Check the bucket name and region (AWS_REGION), then run again; the state was not changed by this request.',
      },
    );
  }
  return error;
}
