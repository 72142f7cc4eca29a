/**
 * The plan as GitHub-flavoured Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
 * a summary table, then one collapsible block per changing resource with its property diff.
 * Values go through the same masking as the terminal plan, so protected values never appear.
 */
import type { ChangeAction, Plan, ResourceChange } from '../plan/types.js';
import { formatChange, NO_CHANGES, reasonOf } from './format-plan.js';

const HEADINGS: Record<Exclude<ChangeAction, 'noop'>, string> = {
  create: '➕ create',
  update: '🔄 update',
  replace: '♻️ replace',
  delete: '🗑️ delete',
};

export function formatPlanMarkdown(plan: Plan): string {
  const changing = plan.resources.filter((r) => r.action !== 'noop');
  const count = (action: ChangeAction): number => plan.resources.filter((r) => r.action === action).length;
  const lines = [`### Plan for \`${code(plan.stack)}\` · \`${code(plan.env)}\``, ''];
  if (changing.length === 0) return [...lines, NO_CHANGES, ''].join('\n');

  lines.push('| create | update | replace | delete | unchanged |', '|---:|---:|---:|---:|---:|');
  lines.push(
    `| ${count('create')} | ${count('update')} | ${count('replace')} | ${count('delete')} | ${count('noop')} |`,
    '',
  );
  lines.push('| | resource | type | why |', '|---|---|---|---|');
  for (const rc of changing) {
    const action = HEADINGS[rc.action as Exclude<ChangeAction, 'noop'>];
    lines.push(`| ${action} | \`${code(rc.resource)}\` | \`${code(rc.type)}\` | ${cell(reasonOf(rc))} |`);
  }
  lines.push('');
  for (const rc of changing) lines.push(...details(rc), '');
  return lines.join('\n');
}

/** One resource's property diff, folded: reviewers open what they care about. */
function details(rc: ResourceChange): string[] {
  const body = rc.changes.length > 0 ? rc.changes.map((c) => formatChange(c, false)) : ['(no property detail)'];
  return [
    `<details><summary>${HEADINGS[rc.action as Exclude<ChangeAction, 'noop'>]} <code>${html(rc.resource)}</code></summary>`,
    '',
    '```diff',
    ...body.map((line) => line.replace(/```/g, '`\u200b``')),
    '```',
    '',
    '</details>',
  ];
}

/** Text inside a table cell: a `|` would end the cell, a newline the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Text inside inline code: a backtick would end it. */
function code(text: string): string {
  return text.replace(/`/g, "'");
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
