/**
 * Every action is explained in words: which property, which rule, whose edit.
 */
import type { PropertyVerdict } from './property.js';

export const OUTSIDE = 'changed outside the engine';
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** `A`, `A and B`, `A, B and C`. */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function isAre(names: string[]): string {
  return names.length === 1 ? 'is' : 'are';
}

/** Replacement: name the create-only properties, unknown ones separately. */
export function replaceReason(forcing: PropertyVerdict[]): string {
  const known = forcing.filter((v) => !v.change.unknown).flatMap((v) => v.forcedBy);
  const unknown = forcing.filter((v) => v.change.unknown).flatMap((v) => v.forcedBy);
  const parts: string[] = [];
  if (known.length) parts.push(`${listNames(known)} ${isAre(known)} create-only`);
  if (unknown.length) parts.push(`${listNames(unknown)} ${isAre(unknown)} create-only ${KNOWN_AFTER_APPLY}`);
  const reason = parts.join('; ');
  return forcing.every((v) => v.drift) ? `${reason} (${OUTSIDE})` : reason;
}

/** Update: the user's edits first, then what drifted; all drift reads "changed outside the engine". */
export function updateReason(verdicts: PropertyVerdict[]): string {
  const edits = verdicts.filter((v) => !v.drift);
  const drifted = verdicts.filter((v) => v.drift);
  if (edits.length === 0) return OUTSIDE;
  const base = edits.length === 1 ? oneEdit(edits[0] as PropertyVerdict) : `${edits.length} properties changed`;
  if (drifted.length === 0) return base;
  const outside = drifted.length === 1 ? (drifted[0] as PropertyVerdict).name : `${drifted.length} properties`;
  return `${base}; ${outside} ${OUTSIDE}`;
}

function oneEdit(verdict: PropertyVerdict): string {
  const { kind, unknown } = verdict.change;
  const verb = kind === 'add' ? 'added' : kind === 'remove' ? 'removed' : 'changed';
  return unknown ? `${verdict.name} ${verb} ${KNOWN_AFTER_APPLY}` : `${verdict.name} ${verb}`;
}

/**
 * Properties we could not compare, because the read does not return them (write-only ones, and
 * create-only ones a service leaves out) and nothing records what was last sent.
 */
export function unverifiedNote(writeOnly: string[], unread: string[] = []): string {
  const parts: string[] = [];
  if (writeOnly.length > 0) parts.push(`write-only ${listNames(writeOnly)}`);
  if (unread.length > 0) parts.push(`create-only ${listNames(unread)} (not read back)`);
  if (parts.length === 0) return '';
  return ` (${parts.join(' and ')} not compared: no record of the last apply)`;
}
