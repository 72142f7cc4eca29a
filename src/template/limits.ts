/**
 * Bounds on rendering. A template is a few lines that build a statement; a loop of 300 million,
 * a filter padding a value to a gigabyte or a nested loop that never ends must stop with an
 * error naming the file and line, not hang the run or exhaust V8's heap. Three bounds:
 * - `range()` makes at most MAX_RANGE numbers;
 * - a render (and every filter result) yields at most MAX_OUTPUT characters;
 * - a render runs at most MAX_RENDER_MS: every loop step is counted (nunjucks sets the loop
 *   variables in its Frame on each step), and the clock is read every 1,024 steps.
 */
import nunjucks from 'nunjucks';
import { RenderFailure } from './render-failure.js';

export const MAX_RANGE = 100_000;
export const MAX_OUTPUT = 1_000_000;
export const MAX_RENDER_MS = 2_000;

const LOOP_HINT = 'make the loop smaller: templates build one statement, not data';
let deadline = Number.POSITIVE_INFINITY;
let steps = 0;

/** Runs one render within the time and size bounds (a render inside a render keeps the outer deadline). */
export function bounded(render: () => string): string {
  const outer = deadline;
  if (outer === Number.POSITIVE_INFINITY) deadline = Date.now() + MAX_RENDER_MS;
  try {
    return checkSize(render());
  } finally {
    deadline = outer;
  }
}

function step(): void {
  if (++steps % 1024 === 0 && Date.now() > deadline) {
    throw new RenderFailure('TemplateLimit', `rendering took longer than ${MAX_RENDER_MS / 1000} s`, 0, LOOP_HINT);
  }
}

export function checkSize<T>(value: T): T {
  if (typeof value === 'string' && value.length > MAX_OUTPUT) {
    throw new RenderFailure(
      'TemplateLimit',
      `the template produces ${value.length.toLocaleString('en')} characters; at most ${MAX_OUTPUT.toLocaleString('en')} are allowed`,
      0,
      LOOP_HINT,
    );
  }
  return value;
}

/** `range` as nunjucks has it, refusing to make more than MAX_RANGE numbers. */
export function boundedRange(original: (...args: number[]) => number[]): (...args: number[]) => number[] {
  return (...args: number[]) => {
    const [start, stop, step = 1] = args.length === 1 ? [0, args[0] as number] : (args as [number, number, number?]);
    const count = step === 0 ? Number.POSITIVE_INFINITY : Math.ceil((stop - start) / step);
    if (!(count <= MAX_RANGE)) {
      throw new RenderFailure(
        'TemplateLimit',
        `range(${args.join(', ')}) would make ${count} numbers; at most ${MAX_RANGE.toLocaleString('en')} are allowed`,
        0,
        LOOP_HINT,
      );
    }
    return original(...args);
  };
}

let counting = false;

/** Counts loop steps: once per process, since nunjucks has one Frame class. */
export function countLoopSteps(): void {
  if (counting) return;
  counting = true;
  const frame = (nunjucks as unknown as { runtime: { Frame: { prototype: { set: (...a: unknown[]) => unknown } } } })
    .runtime.Frame.prototype;
  const set = frame.set;
  frame.set = function (this: unknown, ...args: unknown[]) {
    step();
    return set.apply(this, args);
  };
}
