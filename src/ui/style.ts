/**
 * ANSI colours for the plain-string outputs (formatPlan). Hand-written because the project has
 * no colour dependency; Ink components use `<Text color>` instead. Every call takes `enabled`
 * so "no colour" is the same code path with the codes left out, never a post-processing strip.
 */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof CODES;

export function paint(style: Style, text: string, enabled: boolean): string {
  if (!enabled || text === '') return text;
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
