/**
 * A read position in a token list, with the expect/accept helpers of a hand-written
 * recursive-descent parser. Every failure is a DeployError at the offending token's line.
 */
import { DeployError } from '../errors/index.js';
import type { Origin, Token } from './lexer.js';

export const STATEMENT_FORMS = [
  'accepted statements:',
  "  INSERT INTO aws.<service>.<resources> (<Property>, ..., region) SELECT '<value>', ..., '<region>'",
  "  UPDATE aws.<service>.<resources> SET data__PatchDocument = '<json patch>' WHERE data__Identifier = '<id>' AND region = '<region>'",
  "  DELETE FROM aws.<service>.<resources> WHERE data__Identifier = '<id>' AND region = '<region>'",
  "  SELECT <columns> FROM aws.<service>.<resources> WHERE region = '<region>' [AND data__Identifier = '<id>'] [AND <column> = '<value>']",
].join('\n');

export class Cursor {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    /** The statement text, for slicing expressions back out by token offsets. */
    readonly sql: string,
    readonly origin: Origin,
    /** What a failure suggests: the accepted form of the statement being parsed. */
    public hint: string = STATEMENT_FORMS,
  ) {}

  peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1] as Token;
    return this.tokens[this.index + offset] ?? last;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  /** True when the token at `offset` is the keyword `word` (case-insensitive). */
  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.text.toLowerCase() === word;
  }

  isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'punct' && token.text === text;
  }

  acceptWord(word: string): Token | undefined {
    return this.isWord(word) ? this.next() : undefined;
  }

  acceptPunct(text: string): Token | undefined {
    return this.isPunct(text) ? this.next() : undefined;
  }

  expectWord(word: string): Token {
    return this.acceptWord(word) ?? this.fail(word.toUpperCase());
  }

  expectPunct(text: string): Token {
    return this.acceptPunct(text) ?? this.fail(`'${text}'`);
  }

  /** Any word: a name. */
  expectName(what: string): Token {
    return this.peek().kind === 'word' ? this.next() : this.fail(what);
  }

  /** The statement must end here (an optional `;` allowed). */
  expectEnd(): void {
    const semicolon = this.acceptPunct(';');
    const more = this.peek();
    if (more.kind === 'end') return;
    if (semicolon) {
      throw this.error(
        'UnsupportedStatement',
        `a second statement starts after ';'`,
        more.line,
        'write one statement per anchor block',
      );
    }
    throw this.error('UnsupportedStatement', `unexpected ${describe(more)}`, more.line);
  }

  /** An "expected X but found Y" failure at the current token. */
  fail(expected: string): never {
    const token = this.peek();
    throw this.error('UnsupportedStatement', `expected ${expected} but found ${describe(token)}`, token.line);
  }

  error(code: string, message: string, line: number, hint: string = this.hint): DeployError {
    const { file, resource } = this.origin;
    return new DeployError(code, message, { file, line, resource, hint });
  }
}

export function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the statement';
    case 'string':
      return `the string '${token.text.length > 30 ? `${token.text.slice(0, 30)}…` : token.text}'`;
    default:
      return `'${token.text}'`;
  }
}
