/**
 * The plan as text, two levels deep: one line per changing resource by
 * default, property detail on demand (`--diff`). Pure: the same string feeds the lines
 * reporter, the Ink reporter's scrollback and `deploy plan`.
 */
import type { ChangeAction, Plan, PropertyChange, ResourceChange } from '../plan/types.js';
import { formatAfter, formatBefore, propertyLabel } from './format-value.js';
import { paint, type Style } from './style.js';
import { plain } from './words.js';

export interface FormatPlanOptions {
  showDiff: boolean;
  color: boolean;
}

type Changing = Exclude<ChangeAction, 'noop'>;

// Terraform's symbols: people reading a plan already know them.
const SYMBOLS: Record<Changing, { symbol: string; style: Style }> = {
  create: { symbol: '+', style: 'green' },
  update: { symbol: '~', style: 'yellow' },
  replace: { symbol: '-/+', style: 'magenta' },
  delete: { symbol: '-', style: 'red' },
};

export const NO_CHANGES = 'No changes. The infrastructure matches the stack.';

export function formatPlan(plan: Plan, options: FormatPlanOptions): string {
  const { color } = options;
  const changing = plan.resources.filter((r): r is ResourceChange & { action: Changing } => r.action !== 'noop');
  if (changing.length === 0) return NO_CHANGES;

  // Counted from the rows rather than read from plan.summary so footer and rows always agree.
  const count = (action: ChangeAction) => plan.resources.filter((r) => r.action === action).length;
  const nameWidth = Math.max(...changing.map((r) => plain(r.resource).length));
  const typeWidth = Math.max(...changing.map((r) => plain(r.type).length));

  const lines: string[] = [];
  for (const rc of changing) {
    const { symbol, style } = SYMBOLS[rc.action];
    const reason = reasonOf(rc);
    const name = paint('bold', plain(rc.resource).padEnd(nameWidth), color);
    const type = paint('dim', reason === '' ? plain(rc.type) : plain(rc.type).padEnd(typeWidth), color);
    const row = `${paint(style, symbol.padStart(3), color)} ${name}  ${type}`;
    lines.push(reason === '' ? row : `${row}  ${paint('dim', `(${reason})`, color)}`);
    if (options.showDiff) {
      for (const change of rc.changes) lines.push(`      ${formatChange(change, color)}`);
    }
  }

  lines.push('');
  const unchanged = count('noop');
  if (unchanged > 0) lines.push(`${unchanged} unchanged.`);
  lines.push(
    `${paint('bold', 'Plan:', color)} ${count('create')} to create, ${count('update')} to update, ` +
      `${count('replace')} to replace, ${count('delete')} to delete.`,
  );
  return lines.join('\n');
}

/** One property change: `+ Prop = value`, `~ Prop: old → new`, `- Prop = old`. */
export function formatChange(change: PropertyChange, color: boolean): string {
  const label = propertyLabel(change.path);
  let text: string;
  switch (change.kind) {
    case 'add':
      text = `${paint('green', '+', color)} ${label} = ${formatAfter(change)}`;
      break;
    case 'remove':
      // Show what goes away (masked when sensitive), so a removal can be reviewed like a change.
      text =
        change.before === undefined
          ? `${paint('red', '-', color)} ${label}`
          : `${paint('red', '-', color)} ${label} = ${formatBefore(change)}`;
      break;
    case 'change':
      // A masked old → new pair would only say "(sensitive) → (sensitive)"; say it once.
      text =
        change.sensitive === true
          ? `${paint('yellow', '~', color)} ${label} = ${formatAfter(change)}`
          : `${paint('yellow', '~', color)} ${label}: ${formatBefore(change)} → ${formatAfter(change)}`;
      break;
  }
  return change.forcesReplacement === true ? `${text}  ${paint('red', '# forces replacement', color)}` : text;
}

/**
 * Why a resource changes, in words. A replacement names the create-only properties that force
 * it (the most asked-for explanation); drift is said even when the planner's
 * reason is about something else, because it means someone changed the cloud by hand.
 */
export function reasonOf(rc: ResourceChange): string {
  const parts: string[] = [];
  const forcing =
    rc.action === 'replace'
      ? rc.changes.filter((c) => c.forcesReplacement === true).map((c) => propertyLabel(c.path))
      : [];
  if (forcing.length > 0) {
    parts.push(`${listWords(forcing)} ${forcing.length === 1 ? 'forces' : 'force'} replacement`);
  } else if (rc.reason.trim() !== '') {
    parts.push(plain(rc.reason.trim()));
  }
  if (rc.drift === true && !parts.some((p) => p.includes('outside'))) {
    parts.push('changed outside the engine');
  }
  return parts.join('; ');
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
function listWords(items: string[]): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, 3);
  const more = unique.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}
