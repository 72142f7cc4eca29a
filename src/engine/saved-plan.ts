/**
 * A plan saved by `deploy plan --out FILE` and applied by `deploy apply --plan FILE`. It
 * records, per resource, a fingerprint of what was read; apply re-reads and refuses, naming
 * the resources, if anything changed since: the cloud, the ledger, or the stack itself.
 */
import { DeployError } from '../errors/index.js';
import { readTextFile } from '../manifest/index.js';
import { writeFileAtomic } from '../state/index.js';
import { canonicalJson, isObject } from '../common/index.js';
import type { Plan, ResourceChange } from '../plan/index.js';

export interface SavedPlan {
  format: 'deploy.plan';
  version: 1;
  plan: Plan;
}

export function savePlan(path: string, plan: Plan): SavedPlan {
  const saved: SavedPlan = {
    format: 'deploy.plan',
    version: 1,
    plan,
  };
  try {
    // Private, like the ledger: even masked, a plan describes the infrastructure in detail.
    writeFileAtomic(path, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  } catch (error) {
    throw new DeployError('PlanNotSaved', `cannot save the plan to ${path}: ${(error as Error).message}`, {
      file: path,
      hint: 'pass --out a file name in a writable directory, e.g. --out plan.json',
    });
  }
  return saved;
}

export function loadPlan(path: string): SavedPlan {
  let saved: SavedPlan;
  try {
    saved = JSON.parse(
      readTextFile(path, { what: 'saved plan', shown: path, maxBytes: 256 * 1024 * 1024 }),
    ) as SavedPlan;
  } catch (error) {
    throw new DeployError('PlanUnreadable', `cannot read the saved plan ${path}: ${(error as Error).message}`, {
      file: path,
      hint: 'create one with `deploy plan <stack-dir> <env> --out FILE`',
    });
  }
  if (!isObject(saved) || saved.format !== 'deploy.plan' || saved.version !== 1 || !isObject(saved.plan)) {
    throw new DeployError('PlanUnreadable', `${path} is not a saved plan of this version of deploy`, {
      file: path,
      hint: 'create it again with `deploy plan --out`',
    });
  }
  return saved;
}

/** What a change must keep for the saved plan to still hold. */
function essence(change: ResourceChange): string {
  return canonicalJson({
    action: change.action,
    fingerprint: change.fingerprint ?? null,
    changes: change.changes,
    patch: change.patch ?? null,
  });
}

/** Throws 'StalePlan' naming every resource whose reads or changes differ from the saved plan. */
export function assertStillValid(saved: SavedPlan, fresh: Plan): void {
  if (saved.plan.stack !== fresh.stack || saved.plan.env !== fresh.env) {
    throw new DeployError(
      'PlanMismatch',
      `the saved plan is for ${saved.plan.stack} (${saved.plan.env}), not ${fresh.stack} (${fresh.env})`,
      { hint: 'pass the stack directory and environment the plan was made for' },
    );
  }
  const before = new Map(saved.plan.resources.map((r) => [r.resource, r]));
  const after = new Map(fresh.resources.map((r) => [r.resource, r]));
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((name) => {
    const a = before.get(name);
    const b = after.get(name);
    return !a || !b || essence(a) !== essence(b);
  });
  if (changed.length > 0) {
    throw new DeployError('StalePlan', `the saved plan is stale: ${changed.join(', ')} changed since it was made`, {
      hint: 'run `deploy plan --out FILE` again, review it, and apply the new file',
    });
  }
}
