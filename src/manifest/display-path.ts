import path from 'node:path';

// A stack names the same few files (its manifest, its .iql files) once or more per resource:
// each is worked out once per working directory (path.relative resolves both paths every time).
let shownFrom: string | undefined;
const shown = new Map<string, string>();

/** How errors name a file: relative to the working directory when it lies below it. */
export function displayPath(file: string): string {
  const cwd = process.cwd();
  if (cwd !== shownFrom) {
    shownFrom = cwd;
    shown.clear();
  }
  let text = shown.get(file);
  if (text === undefined) {
    const relative = path.relative(cwd, file);
    text = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
    shown.set(file, text);
  }
  return text;
}
