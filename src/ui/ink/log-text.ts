/**
 * The text of one scrollback entry. Plain strings (coloured with ANSI when asked) rather than
 * Ink components, so the same words are printed whether Ink writes them through <Static> or the
 * reporter writes them itself while Ink is not mounted (see ink-reporter.ts).
 */
import { formatPlan } from '../format-plan.js';
import { errorText } from '../run-summary.js';
import { paint } from '../style.js';
import { actionWords, formatDuration, idSuffix, plain } from '../words.js';
import type { LogItem } from './progress.js';

const OUTCOME_STYLES = { success: 'green', failed: 'red', interrupted: 'yellow', cancelled: 'yellow' } as const;

export function logItemText(item: LogItem, options: { color: boolean; showDiff: boolean }): string {
  const { color } = options;
  switch (item.kind) {
    case 'plan':
      // No blank line after it here: Ink's (empty) live frame below already makes one.
      return formatPlan(item.plan, options);
    case 'done': {
      const words = `${plain(item.resource)} ${actionWords(item.action).done} in ${formatDuration(item.durationMs)}`;
      return `${paint('green', '✓', color)} ${words}${paint('dim', idSuffix(item.identifier), color)}`;
    }
    case 'failed': {
      const head = `${plain(item.resource)} ${actionWords(item.action).verb} failed after ${formatDuration(item.durationMs)}`;
      const lines = [`${paint('red', '✗', color)} ${head}`, `    ${paint('red', errorText(item.error), color)}`];
      if (item.error.hint !== undefined) lines.push(`    ${paint('dim', `hint: ${plain(item.error.hint)}`, color)}`);
      return lines.join('\n');
    }
    case 'skipped':
      return paint('dim', `- ${plain(item.resource)} not attempted (${plain(item.reason)})`, color);
    case 'warning': {
      const about = item.resource === undefined ? '' : `${plain(item.resource)}: `;
      return paint('yellow', `! warning: ${about}${plain(item.message)}`, color);
    }
    case 'summary': {
      const [head = '', ...rest] = item.lines;
      return ['', paint(OUTCOME_STYLES[item.outcome], head, color), ...rest].join('\n');
    }
  }
}
