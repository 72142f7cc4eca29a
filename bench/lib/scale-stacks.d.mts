/** Writes a synthetic stack of `count` resources to a fresh temporary directory (see scale-stacks.mjs). */
export function makeStack(shape: 'wide' | 'layered' | string, count: number): { dir: string; depth: number };
