/**
 * Finds the StackQL tables a SELECT reads and, for each, the WHERE/ON equalities that restrict
 * it, by a small recursive-descent pass over the statement's tokens: CTEs, sub-queries in FROM
 * and in expressions, joins, compound SELECTs. SQLite evaluates the whole statement afterwards;
 * this pass only decides what to fetch, so it keeps a restriction only where it is certain:
 * `col = literal` or `col IN (literals)` conjuncts of the table's own SELECT (unqualified only
 * when the table is alone in its FROM), and ON conjuncts of an inner or left join's right side.
 */
import { tokenize, type Token } from '../query/lexer.js';
import type { Constraint, QueryOrigin } from './types.js';

export interface TableRef {
  /** The dotted name as written, e.g. `['aws', 'ec2', 'vpc_tags']`. */
  parts: string[];
  /** Offsets of the name in the statement text (the rewrite replaces them). */
  start: number;
  end: number;
  line: number;
  /** Whether an alias follows the name (else the rewrite adds one). */
  aliased: boolean;
  constraints: Constraint[];
}

interface Item {
  ref?: TableRef;
  alias?: string;
  join: 'first' | 'inner' | 'left' | 'right' | 'full' | 'cross';
  on: Conjunct[];
}

interface Conjunct {
  qualifier?: string;
  constraint: Constraint;
}

const CLAUSES = new Set(['where', 'group', 'having', 'order', 'limit', 'window', 'union', 'intersect', 'except']);
const JOIN_WORDS = new Set(['join', 'inner', 'left', 'right', 'full', 'cross', 'natural', 'outer', 'on', 'using']);
const PROVIDER_PREFIXES = new Set(['aws', 'awscc']);

export function findTables(sql: string, origin: QueryOrigin): TableRef[] {
  const tokens = tokenize(sql, origin);
  const pass = new Pass(tokens);
  // The statement ends at its first `;` (SQLite runs the first statement only).
  const end = tokens.findIndex((t) => t.kind === 'end' || (t.kind === 'punct' && t.text === ';'));
  pass.query(0, end);
  return pass.refs;
}

class Pass {
  readonly refs: TableRef[] = [];
  private readonly closing: number[];

  constructor(private readonly t: Token[]) {
    this.closing = t.map(() => -1);
    const open: number[] = [];
    t.forEach((token, i) => {
      if (token.kind !== 'punct') return;
      if (token.text === '(') open.push(i);
      else if (token.text === ')' && open.length) this.closing[open.pop() as number] = i;
    });
  }

  private word(i: number, ...words: string[]): boolean {
    const token = this.t[i];
    return token?.kind === 'word' && words.includes(token.text.toLowerCase());
  }

  private punct(i: number, text: string): boolean {
    const token = this.t[i];
    return token?.kind === 'punct' && token.text === text;
  }

  /** The index after a parenthesised group opening at i (or i + 1 when unbalanced). */
  private after(i: number): number {
    const close = this.closing[i] ?? -1;
    return close < 0 ? i + 1 : close + 1;
  }

  query(from: number, to: number): void {
    let i = from;
    if (this.word(i, 'with')) {
      i++;
      if (this.word(i, 'recursive')) i++;
      while (i < to) {
        i++; // the CTE's name
        if (this.punct(i, '(')) i = this.after(i);
        if (this.word(i, 'as')) i++;
        while (this.word(i, 'not', 'materialized')) i++;
        if (!this.punct(i, '(')) return this.expressions(i, to);
        this.query(i + 1, this.closing[i] ?? to);
        i = this.after(i);
        if (!this.punct(i, ',')) break;
        i++;
      }
    }
    let start = i;
    for (let j = i; j < to; j++) {
      if (this.punct(j, '(')) j = this.after(j) - 1;
      else if (this.word(j, 'union', 'intersect', 'except')) {
        this.core(start, j);
        start = this.word(j + 1, 'all') ? j + 2 : j + 1;
      }
    }
    this.core(start, to);
  }

  /** One SELECT core: its FROM items, WHERE restrictions, and sub-queries anywhere in it. */
  private core(from: number, to: number): void {
    let fromAt = -1;
    for (let j = from; j < to && fromAt < 0; j++) {
      if (this.punct(j, '(')) j = this.after(j) - 1;
      else if (this.word(j, 'from')) fromAt = j;
    }
    if (fromAt < 0) return this.expressions(from, to);
    this.expressions(from, fromAt);
    let end = fromAt + 1;
    while (end < to && !this.word(end, ...CLAUSES)) end = this.punct(end, '(') ? this.after(end) : end + 1;
    const items = this.fromItems(fromAt + 1, end);
    let where: Conjunct[] = [];
    if (this.word(end, 'where')) {
      let stop = end + 1;
      while (stop < to && !this.word(stop, ...CLAUSES)) stop = this.punct(stop, '(') ? this.after(stop) : stop + 1;
      where = this.conjuncts(end + 1, stop);
      this.expressions(end + 1, to);
    } else this.expressions(end, to);
    for (const item of items) {
      if (!item.ref) continue;
      const own = (c: Conjunct): boolean =>
        c.qualifier === undefined ? items.length === 1 : c.qualifier === item.alias?.toLowerCase();
      const on = item.join === 'inner' || item.join === 'left' ? item.on : [];
      item.ref.constraints = [...where.filter(own), ...on.filter((c) => c.qualifier === item.alias?.toLowerCase())].map(
        (c) => c.constraint,
      );
    }
  }

  /** Sub-queries inside expressions (scalar, EXISTS, IN): analysed as queries of their own. */
  private expressions(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (!this.punct(i, '(')) continue;
      const close = this.closing[i] ?? -1;
      if (close < 0) return;
      if (this.word(i + 1, 'select', 'with')) this.query(i + 1, close);
      else this.expressions(i + 1, close);
      i = close;
    }
  }

  private fromItems(from: number, to: number): Item[] {
    const items: Item[] = [];
    let i = from;
    let join: Item['join'] = 'first';
    while (i < to) {
      const item: Item = { join, on: [] };
      if (this.punct(i, '(')) {
        const close = this.closing[i] ?? to;
        if (this.word(i + 1, 'select', 'with')) this.query(i + 1, close);
        else items.push(...this.fromItems(i + 1, close));
        i = this.after(i);
      } else if (this.t[i]?.kind === 'word') {
        const first = this.t[i] as Token;
        const parts = [first.text];
        let last = first;
        while (this.punct(i + 1, '.') && this.t[i + 2]?.kind === 'word') {
          last = this.t[i + 2] as Token;
          parts.push(last.text);
          i += 2;
        }
        i++;
        if (this.punct(i, '(')) {
          this.expressions(i, this.after(i)); // a table-valued function such as json_each(…)
          i = this.after(i);
        } else if (parts.length >= 3 || PROVIDER_PREFIXES.has((parts[0] as string).toLowerCase())) {
          item.ref = { parts, start: first.start, end: last.end, line: first.line, aliased: false, constraints: [] };
          this.refs.push(item.ref);
        }
      } else return items; // not a FROM item: SQLite reports it
      if (this.word(i, 'as')) i++;
      const alias = this.t[i];
      if (
        alias?.kind === 'word' &&
        !JOIN_WORDS.has(alias.text.toLowerCase()) &&
        !CLAUSES.has(alias.text.toLowerCase())
      ) {
        item.alias = alias.text;
        if (item.ref) item.ref.aliased = true;
        i++;
      }
      if (this.word(i, 'on')) {
        let stop = i + 1;
        while (stop < to && !this.punct(stop, ',') && !this.word(stop, ...JOIN_WORDS))
          stop = this.punct(stop, '(') ? this.after(stop) : stop + 1;
        item.on = this.conjuncts(i + 1, stop);
        this.expressions(i + 1, stop);
        i = stop;
      } else if (this.word(i, 'using')) i = this.punct(i + 1, '(') ? this.after(i + 1) : i + 1;
      items.push(item);
      if (this.punct(i, ',')) {
        join = 'inner';
        i++;
        continue;
      }
      join = 'inner';
      if (this.word(i, 'natural')) i++;
      if (this.word(i, 'left', 'right', 'full', 'cross')) join = this.t[i]?.text.toLowerCase() as Item['join'];
      while (this.word(i, 'left', 'right', 'full', 'cross', 'inner', 'outer')) i++;
      if (!this.word(i, 'join')) return items;
      i++;
    }
    return items;
  }

  /**
   * The `col = literal` / `col IN (literals)` conjuncts of an expression, or none when it is
   * not a plain AND chain (an OR at its top level).
   */
  private conjuncts(from: number, to: number): Conjunct[] {
    const parts: [number, number][] = [];
    let start = from;
    let depth = 0; // CASE … END nesting
    for (let i = from; i < to; i++) {
      if (this.punct(i, '(')) i = this.after(i) - 1;
      else if (this.word(i, 'case')) depth++;
      else if (this.word(i, 'end')) depth--;
      else if (depth === 0 && this.word(i, 'or')) return [];
      else if (depth === 0 && this.word(i, 'between'))
        i++; // its AND is not a conjunction
      else if (depth === 0 && this.word(i, 'and')) {
        parts.push([start, i]);
        start = i + 1;
      }
    }
    parts.push([start, to]);
    return parts.flatMap(([a, b]) => {
      const found = this.conjunct(a, b);
      return found ? [found] : [];
    });
  }

  private conjunct(from: number, to: number): Conjunct | undefined {
    const column = this.columnAt(from);
    if (column) {
      let i = column.next;
      if (this.punct(i, '=') && i + 2 === to) {
        const value = this.literal(i + 1);
        return value === undefined
          ? undefined
          : { ...column.named, constraint: { column: column.name, values: [value] } };
      }
      if (this.word(i, 'in') && this.punct(i + 1, '(') && this.after(i + 1) === to) {
        const values: (string | number)[] = [];
        for (i += 2; i < to - 1; i += 2) {
          const value = this.literal(i);
          if (value === undefined || !(this.punct(i + 1, ',') || i + 1 === to - 1)) return undefined;
          values.push(value);
        }
        return values.length ? { ...column.named, constraint: { column: column.name, values } } : undefined;
      }
      return undefined;
    }
    const value = this.literal(from);
    const reversed = this.columnAt(from + 2);
    if (value === undefined || !this.punct(from + 1, '=') || !reversed || reversed.next !== to) return undefined;
    return { ...reversed.named, constraint: { column: reversed.name, values: [value] } };
  }

  private columnAt(i: number): { name: string; named: { qualifier?: string }; next: number } | undefined {
    const first = this.t[i];
    if (first?.kind !== 'word') return undefined;
    if (this.punct(i + 1, '.') && this.t[i + 2]?.kind === 'word') {
      return {
        name: (this.t[i + 2] as Token).text.toLowerCase(),
        named: { qualifier: first.text.toLowerCase() },
        next: i + 3,
      };
    }
    return { name: first.text.toLowerCase(), named: {}, next: i + 1 };
  }

  private literal(i: number): string | number | undefined {
    const token = this.t[i];
    if (token?.kind === 'string') return token.text;
    if (token?.kind === 'number') return Number(token.text);
    return undefined;
  }
}
