/**
 * Where a stack's state lives, as the user writes it: `s3://BUCKET/PREFIX`, or `file` for the
 * stack directory (the default). `--state` (or DEPLOY_STATE) wins over the manifest's `state:`,
 * so one run can point elsewhere (`--state file` to work on a local copy).
 */
import { DeployError } from '../errors/index.js';

export const FILE_STATE = 'file';

const HINT =
  'Write s3://BUCKET/PREFIX (--state, DEPLOY_STATE or `state:` in the manifest), or `file` to keep state in <stack-dir>/.deploy/.';

/** The S3 URL in force, or undefined for files. */
export function chosenStateUrl(flag: string | undefined, manifest: string | undefined): string | undefined {
  const chosen = flag !== undefined && flag !== '' ? flag : manifest;
  return chosen === undefined || chosen === FILE_STATE ? undefined : chosen;
}

/** `s3://bucket/prefix` → its parts, or an error naming the form. */
export function parseStateUrl(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (match === null) {
    const bucket = /^s3:\/\/([^/]*)/.exec(url)?.[1];
    const message =
      bucket === undefined
        ? `The state location ${url} is neither an s3:// URL nor "file"`
        : `The state location ${url} names "${bucket}", which is not a valid S3 bucket name (3 to 63 lowercase letters, digits, dots and hyphens)`;
    throw new DeployError('InvalidStateUrl', message, { hint: HINT });
  }
  return { bucket: match[1] as string, prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/** The problem with a state location, for the manifest's checks; undefined when it is fine. */
export function stateUrlProblem(url: string): { message: string; hint: string } | undefined {
  if (url === FILE_STATE) return undefined;
  try {
    parseStateUrl(url);
    return undefined;
  } catch (error) {
    return { message: (error as Error).message, hint: HINT };
  }
}
