/**
 * Fault injection: the compact string form (for env vars and the CLI) and the counter that
 * decides which request fails.
 *
 * Format: rules separated by `;`, each `<operation>:<type>:<nth>[:<error>]`
 *   operation  create | update | delete
 *   type       a CloudFormation type name, or empty / `*` for any type
 *   nth        1-based number of the matching request to fail; 0 = every one
 *   error      a HandlerErrorCode (async FAILED with it, default GeneralServiceException)
 *              or `500` (synchronous HTTP 500 ServiceInternalErrorException)
 * e.g. `create:AWS::ApiGatewayV2::Integration:2:GeneralServiceException;delete::1:500`
 */
import { DeployError } from '../errors/index.js';
import { ERROR_CODES, type FaultRule } from './types.js';

// The type is matched lazily so that the `::` inside type names never looks like a separator.
const RULE = /^(create|update|delete):(.*?):(\d+)(?::([A-Za-z0-9]+))?$/i;
const FORMAT_HINT =
  'write rules as <create|update|delete>:<type or empty>:<nth>[:<ErrorCode>|500] separated by ";", ' +
  'e.g. "create:AWS::ApiGatewayV2::Integration:2:GeneralServiceException;delete::1:500"';

export function parseFaults(spec: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const raw of spec.split(/[;\n]/)) {
    const text = raw.trim();
    if (text === '') continue;
    const match = RULE.exec(text);
    if (!match) throw new DeployError('InvalidFault', `invalid fault rule '${text}'`, { hint: FORMAT_HINT });
    const [, operation = '', type = '', nth = '0', error] = match;
    const rule: FaultRule = { operation: operation.toLowerCase() as FaultRule['operation'], nth: Number(nth) };
    const typeName = type.trim();
    if (typeName !== '' && typeName !== '*') rule.typeName = typeName;
    if (error === '500') rule.http500 = true;
    else if (error !== undefined) rule.errorCode = checkErrorCode(error, text);
    rules.push(rule);
  }
  return rules;
}

function checkErrorCode(code: string, rule: string): string {
  if ((ERROR_CODES as readonly string[]).includes(code)) return code;
  throw new DeployError('InvalidFault', `unknown error code '${code}' in fault rule '${rule}'`, {
    hint: `use 500 or one of ${ERROR_CODES.join(', ')}`,
  });
}

export type FaultOutcome = { http500: true } | { errorCode: string } | undefined;

/** Counts matching requests per rule and says when one must fail. */
export class FaultInjector {
  private readonly counts: number[];

  constructor(private readonly rules: FaultRule[]) {
    this.counts = rules.map(() => 0);
  }

  /** Call once per mutation request that passed validation. The first rule that fires wins. */
  next(operation: FaultRule['operation'], typeName: string): FaultOutcome {
    let outcome: FaultOutcome;
    this.rules.forEach((rule, i) => {
      if (rule.operation !== operation) return;
      if (rule.typeName !== undefined && rule.typeName !== typeName) return;
      const count = (this.counts[i] ?? 0) + 1;
      this.counts[i] = count;
      if (outcome || (rule.nth !== 0 && rule.nth !== count)) return;
      outcome = rule.http500 ? { http500: true } : { errorCode: rule.errorCode ?? 'GeneralServiceException' };
    });
    return outcome;
  }
}
