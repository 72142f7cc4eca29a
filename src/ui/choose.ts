/** Which reporter fits where the output goes. */
import type { ReporterKind } from './types.js';

/**
 * json when asked; otherwise Ink only on an interactive terminal. The rule is Shopify's
 * (stdout is a TTY, TERM is not `dumb`, CI unset) because a live frame in a CI
 * log is either escape garbage or, under Ink's own CI mode, silence until exit. `CI=false` and
 * `CI=0` count as unset, as most tools (and Ink's is-in-ci) read them.
 */
export function chooseReporter(opts: { json: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): ReporterKind {
  if (opts.json) return 'json';
  const ci = opts.env['CI'];
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  const dumb = opts.env['TERM'] === 'dumb';
  return opts.isTTY && !dumb && !inCi ? 'ink' : 'lines';
}
