/**
 * Collects manifest shape problems, each located at its line, so a user sees all of them in
 * one run instead of fixing one per run.
 */
import { DeployError } from '../errors/index.js';
import { didYouMean } from '../common/index.js';
import type { LineIndex, PathKey } from './yaml-lines.js';

export type Json = Record<string, unknown>;

export function isMapping(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

export class Checker {
  readonly errors: DeployError[] = [];

  constructor(
    readonly lines: LineIndex,
    readonly file: string,
  ) {}

  fail(code: string, message: string, path: readonly PathKey[], hint: string, resource?: string): void {
    this.errors.push(
      new DeployError(code, message, {
        file: this.file,
        line: this.lines.lineOf(path),
        hint,
        ...(resource === undefined ? {} : { resource }),
      }),
    );
  }

  /** Reports keys outside `allowed`, suggesting the closest allowed one. */
  keys(value: Json, allowed: readonly string[], path: readonly PathKey[], what: string, resource?: string): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const suggestion = didYouMean(key, allowed).trim();
      this.fail(
        'UnknownKey',
        `unknown key '${key}' in ${what}`,
        [...path, key],
        `${suggestion ? `${suggestion} ` : ''}Allowed keys: ${allowed.join(', ')}.`,
        resource,
      );
    }
  }

  wrongType(
    path: readonly PathKey[],
    what: string,
    expected: string,
    actual: unknown,
    hint: string,
    resource?: string,
  ): void {
    this.fail('WrongType', `${what} must be ${expected}, not ${kindOf(actual)}`, path, hint, resource);
  }

  /** An optional string (a number or boolean is taken as its text, as YAML users expect). */
  text(value: Json, key: string, path: readonly PathKey[], what: string, resource?: string): string | undefined {
    const found = value[key];
    if (found === undefined) return undefined;
    if (typeof found === 'string') return found;
    if (typeof found === 'number' || typeof found === 'boolean') return String(found);
    this.wrongType([...path, key], `'${key}' of ${what}`, 'a string', found, `write ${key}: <text>`, resource);
    return undefined;
  }

  /** An optional list of strings; a single string is taken as a list of one. */
  names(value: Json, key: string, path: readonly PathKey[], what: string, resource?: string): string[] {
    const found = value[key];
    if (found === undefined || found === null) return [];
    if (typeof found === 'string') return [found];
    if (!Array.isArray(found)) {
      this.wrongType(
        [...path, key],
        `'${key}' of ${what}`,
        'a list of names',
        found,
        `write ${key}: [name1, name2]`,
        resource,
      );
      return [];
    }
    const names: string[] = [];
    found.forEach((item: unknown, i) => {
      if (typeof item === 'string' && item !== '') names.push(item);
      else
        this.wrongType(
          [...path, key, i],
          `each item of '${key}' of ${what}`,
          'a name',
          item,
          `write ${key}: [name1, name2]`,
          resource,
        );
    });
    return names;
  }

  /** An optional list; reports anything else. */
  list(value: Json, key: string, path: readonly PathKey[], what: string, hint: string, resource?: string): unknown[] {
    const found = value[key];
    if (found === undefined || found === null) return [];
    if (Array.isArray(found)) return found;
    this.wrongType([...path, key], `'${key}' of ${what}`, 'a list', found, hint, resource);
    return [];
  }
}
