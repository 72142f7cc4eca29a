/**
 * Parsers for flag values: each turns the text after a flag into a typed value or throws a
 * DeployError saying what was wrong and what to write instead, before anything runs.
 */
import { DeployError } from '../errors/index.js';

/** A whole number in decimal digits (so not `0x10`, `1e3` or `-1`), at least `min`. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): (text: string, flag: string) => number {
  return (text, flag) => {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(n)) {
      throw new DeployError('InvalidOption', `${flag} must be a whole number, got '${text}'`, {
        hint: `write it in digits, for example ${flag} ${Math.max(min, 10)}`,
      });
    }
    if (n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
      throw new DeployError('InvalidOption', `${flag} must be ${range}, got ${text}`, {
        hint: `for example ${flag} ${Math.max(min, 10)}`,
      });
    }
    return n;
  };
}

/** One of a fixed set of words; the set is also what shell completion offers. */
export function oneOf<const C extends string>(
  choices: readonly C[],
): ((text: string, flag: string) => C) & { readonly choices: readonly C[] } {
  const parse = (text: string, flag: string): C => {
    const found = choices.find((c) => c === text);
    if (found !== undefined) return found;
    throw new DeployError('InvalidOption', `${flag} must be ${listed(choices)}, got '${text}'`, {
      hint: `for example ${flag} ${choices[0]}`,
    });
  };
  return Object.assign(parse, { choices });
}

/**
 * A Cloud Control (or S3) endpoint: an http:// or https:// URL of a host, with no query, fragment
 * or credentials in it (Cloud Control's requests carry none, and its HTTP handler refuses them).
 * Checked when the flag is read, so a typo is named before anything runs instead of failing as
 * missing credentials (a host that is not loopback needs AWS's) or an unreachable cloud.
 */
export function endpointUrl(text: string, flag: string): string {
  const wrong = endpointProblem(text);
  if (wrong === undefined) return text;
  const example = `${flag}${flag.startsWith('--') ? ' ' : '='}http://127.0.0.1:4566`;
  throw new DeployError('InvalidOption', `${flag} ${wrong}`, {
    hint: `for example ${example} (\`deploy local-cloud\`'s default), or leave it out for AWS's own`,
  });
}

function endpointProblem(text: string): string | undefined {
  const notHttp = `must be an http:// or https:// URL, got '${text}'`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return notHttp;
  }
  // A URL with credentials in it is not repeated: errors are shown and logged.
  if (url.username || url.password) return 'must not carry credentials (they come from the AWS credential chain)';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return notHttp;
  if (url.search || url.hash) return `must not carry a query or a fragment, got '${text}'`;
  return undefined;
}

/** The choices a flag's parser accepts, when it is `oneOf`. */
export function choicesOf(parse: unknown): readonly string[] | undefined {
  return (parse as { choices?: readonly string[] } | undefined)?.choices;
}

/** A repeatable flag: every occurrence adds one item. */
export function repeatable(text: string, _flag: string, previous: readonly string[]): string[] {
  return [...previous, text];
}

/** 'a, b or c' */
export function listed(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
