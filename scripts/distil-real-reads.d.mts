// Types for the parts of distil-real-reads.mjs the tests use.
export interface Part {
  lit?: string;
  ref?: string;
  gen?: string;
  sep?: string;
  word?: string;
}
export function partsOf(text: string, refs: Record<string, string>): Part[];
export function mergeParts(samples: Part[][], options?: { lone?: (word: string) => boolean }): string | undefined;
export function schemasIn(dir: string): Record<string, unknown>[];
export interface Distilled {
  cases: number;
  types: Record<
    string,
    { samples: number; attributes?: Record<string, unknown>; defaults?: Record<string, Record<string, unknown>> }
  >;
  byName: Record<string, Record<string, string>>;
}
export function distil(readsDir: string, schemas: Record<string, unknown>[]): Distilled;
