/**
 * What leaves the engine is masked: every event, and every plan handed back to the caller
 * (shown, saved, confirmed). A sensitive property change carries no `before` or `after` at all;
 * anything else that holds a secret value has it replaced by `(sensitive)`.
 */
import type { Secrets } from '../common/index.js';
import type { EventSink } from '../events/index.js';
import type { Plan, PropertyChange } from '../plan/index.js';

export function maskPlan(plan: Plan, secrets: Secrets): Plan {
  const resources = plan.resources.map((change) => ({ ...change, changes: change.changes.map(withoutSecretValues) }));
  return secrets.maskDeep({ ...plan, resources });
}

function withoutSecretValues(change: PropertyChange): PropertyChange {
  if (change.sensitive !== true) return change;
  const { before: _before, after: _after, ...rest } = change;
  return rest;
}

/** The sink, with each event masked by the secrets known when it is emitted. */
export function maskingSink(sink: EventSink, secrets: Secrets): EventSink {
  return {
    emit: (event) =>
      sink.emit(
        event.type === 'plan_ready' ? { ...event, plan: maskPlan(event.plan, secrets) } : secrets.maskDeep(event),
      ),
  };
}
