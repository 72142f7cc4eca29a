/**
 * The house rules of docs/ARCHITECTURE.md, checked on the source: only src/cloud imports the AWS SDK,
 * only src/ui imports Ink and React, the planner and the graph stay pure, and nothing outside
 * src/ui and src/cli writes to the terminal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const files = sources().map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

function importers(pattern: RegExp): string[] {
  return files
    .filter(({ text }) =>
      [...text.matchAll(/from '([^']+)'|import\('([^']+)'\)/g)].some((m) => pattern.test(m[1] ?? m[2] ?? '')),
    )
    .map(({ path }) => path);
}

describe('module boundaries', () => {
  it('only src/cloud imports the AWS SDK', () => {
    expect(importers(/^@aws-sdk\//).filter((p) => !p.startsWith('cloud/'))).toEqual([]);
  });

  it('only src/sql loads the embedded SQLite, and it reaches the cloud only through the port', () => {
    expect(importers(/^sql\.js(\/|$)/).filter((p) => !p.startsWith('sql/'))).toEqual([]);
    const sdk = files.filter(({ path, text }) => path.startsWith('sql/') && /cloud-control-client|@aws-sdk/.test(text));
    expect(sdk.map(({ path }) => path)).toEqual([]);
  });

  it('only src/ui imports Ink and React', () => {
    expect(importers(/^(ink|react)(\/|$)/).filter((p) => !p.startsWith('ui/'))).toEqual([]);
  });

  it('the planner and the graph do no I/O', () => {
    const impure = importers(/^node:(fs|http|https|net|child_process)|^@aws-sdk|\/cloud\//);
    expect(impure.filter((p) => p.startsWith('plan/') || p.startsWith('graph/'))).toEqual([]);
  });

  it('a module that finds files from import.meta.url sits two levels below the package root', () => {
    // Its code runs from src/<folder>/, dist/<folder>/ or the bundle's dist/bin/ (scripts/bundle.mjs):
    // a relative path from a file in a subfolder would resolve differently in the bundle.
    const located = files.filter(({ text }) => text.includes('import.meta.url')).map(({ path }) => path);
    expect(located).toContain('schema/registry.ts');
    expect(located.filter((p) => p.split('/').length !== 2)).toEqual([]);
  });

  it('only src/ui and src/cli write to the terminal (build scripts aside)', () => {
    const printing = files
      .filter(({ text }) => /console\.|process\.(stdout|stderr)\.write/.test(text))
      .map(({ path }) => path)
      .filter((p) => !p.startsWith('ui/') && !p.startsWith('cli/') && !p.endsWith('-main.ts'));
    expect(printing).toEqual([]);
  });
});

/** Relative imports of one file, as paths relative to src/ (type-only imports count too). */
function localImports(path: string, text: string): string[] {
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g)]
    .map((m) => relative(SRC, resolve(SRC, dirname(path), (m[1] ?? m[2] ?? '').replace(/\.js$/, ''))))
    .map((target) => files.find((f) => f.path.replace(/\.tsx?$/, '') === target)?.path)
    .filter((target): target is string => target !== undefined);
}

/** Every import cycle among the source files, each as the list of files around it. */
function importCycles(): string[][] {
  const edges = new Map(files.map(({ path, text }) => [path, localImports(path, text)]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('a house easy to live in', () => {
  it('no two files import each other, directly or around a circle', () => {
    expect(importCycles()).toEqual([]);
  });

  it('no source file is longer than 300 lines', () => {
    const long = files.filter(({ text }) => text.split('\n').length > 300).map(({ path }) => path);
    expect(long).toEqual([]);
  });
});
