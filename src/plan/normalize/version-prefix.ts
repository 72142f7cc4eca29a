/**
 * Engine versions: declare `8.0` and the service runs (and reads back) the patch release it
 * chose, `8.0.35` — and moves it on with automatic minor upgrades. A declared dotted version
 * matches a read version that extends it with further dotted parts. Found by the member name
 * (`EngineVersion`, `KafkaVersion`, …: CloudFormation's spelling in every service).
 */

const DOTTED = /^\d+(\.\d+)+$/;

export function holdsVersion(member: string | undefined): boolean {
  return member !== undefined && /Version$/.test(member);
}

/** `declared` is `X.Y` and `read` is `X.Y.…`. */
export function sameVersionFamily(declared: unknown, read: unknown): boolean {
  if (typeof declared !== 'string' || typeof read !== 'string' || !DOTTED.test(declared)) return false;
  return read.startsWith(`${declared}.`) && DOTTED.test(read);
}
