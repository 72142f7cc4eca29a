/**
 * The one error base of the product. Every error a user can cause carries a stable `code`
 * (PascalCase, for tests and machines), a message saying what is wrong, a `hint` saying what
 * to do about it, and where it happened when known (file, line, resource).
 */
export interface ErrorLocation {
  /** Path of the file, relative to the working directory when possible. */
  file?: string | undefined;
  /** 1-based line number within `file`. */
  line?: number | undefined;
  /** Manifest resource name the error belongs to. */
  resource?: string | undefined;
}

export interface DeployErrorOptions extends ErrorLocation {
  hint?: string | undefined;
  cause?: unknown;
}

const BRAND = Symbol.for('deploy-engine.DeployError');

export class DeployError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly location: ErrorLocation;
  readonly [BRAND] = true;

  constructor(code: string, message: string, options: DeployErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = code;
    this.code = code;
    this.hint = options.hint;
    const location: ErrorLocation = {};
    if (options.file !== undefined) location.file = options.file;
    if (options.line !== undefined) location.line = options.line;
    if (options.resource !== undefined) location.resource = options.resource;
    this.location = location;
  }

  /** Works across duplicate copies of this module, where `instanceof` would not. */
  static is(value: unknown): value is DeployError {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

  /** `file:line` (or `file`) for messages; empty when the error has no file. */
  where(): string {
    const { file, line } = this.location;
    if (file === undefined) return '';
    return line === undefined ? file : `${file}:${line}`;
  }
}

/**
 * Several user errors found in one pass (validation reports all problems, not only the first).
 */
export class DeployErrors extends DeployError {
  readonly errors: DeployError[];
  constructor(errors: DeployError[]) {
    super('MultipleErrors', `${errors.length} problem${errors.length === 1 ? '' : 's'} found`);
    this.errors = errors;
  }

  /** Nothing when there are no problems; the problem itself when there is one; else all of them. */
  static throwIfAny(problems: readonly DeployError[]): void {
    if (problems.length === 1) throw problems[0] as DeployError;
    if (problems.length > 1) throw new DeployErrors([...problems]);
  }
}
