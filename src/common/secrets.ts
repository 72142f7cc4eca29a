/**
 * Secret values, and masking by value. Outputs (events, rendered statements, saved plans,
 * error messages) pass through `mask`/`maskDeep`, so a secret is hidden wherever it went: in
 * another resource's property, inside a SQL statement, in an error the cloud sent back.
 *
 * A secret of fewer than 4 characters is masked only where a whole value equals it: as a
 * substring it would hide half of every text (a secret `1` would blank every number).
 */
import { isObject } from './guards.js';

export const SENSITIVE = '(sensitive)';
const MIN_SUBSTRING = 4;

export class Secrets {
  readonly #values = new Set<string>();
  /** The forms to look for in text, longest first (so a secret inside another is not cut). */
  #forms: string[] | undefined;

  /** Adds a value; objects and lists add each of their leaves. */
  add(value: unknown): void {
    if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
    if (typeof value === 'string') {
      if (value.trim() === '' || value === SENSITIVE || this.#values.has(value)) return;
      this.#values.add(value);
      this.#forms = undefined;
    } else if (Array.isArray(value)) {
      value.forEach((item) => this.add(item));
    } else if (isObject(value)) {
      Object.values(value).forEach((item) => this.add(item));
    }
  }

  get size(): number {
    return this.#values.size;
  }

  /** The text with every secret (and its JSON- or SQL-escaped form) replaced by `(sensitive)`. */
  mask(text: string): string {
    if (this.#values.has(text)) return SENSITIVE;
    let out = text;
    for (const form of this.#textForms()) if (out.includes(form)) out = out.split(form).join(SENSITIVE);
    return out;
  }

  /** A copy with every string masked, and numbers that are secrets replaced by `(sensitive)`. */
  maskDeep<T>(value: T): T {
    return this.size === 0 ? value : (this.#deep(value) as T);
  }

  #deep(value: unknown): unknown {
    if (typeof value === 'string') return this.mask(value);
    if (typeof value === 'number') return this.#values.has(String(value)) ? SENSITIVE : value;
    if (Array.isArray(value)) return value.map((item) => this.#deep(item));
    if (isObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.#deep(item);
      return out;
    }
    return value;
  }

  #textForms(): string[] {
    if (this.#forms === undefined) {
      const forms = new Set<string>();
      for (const value of this.#values) {
        if (value.length < MIN_SUBSTRING) continue;
        forms.add(value);
        forms.add(JSON.stringify(value).slice(1, -1)); // inside JSON text
        forms.add(value.replaceAll("'", "''")); // inside a SQL string literal (sql_escape)
      }
      this.#forms = [...forms].sort((a, b) => b.length - a.length);
    }
    return this.#forms;
  }
}
