/**
 * `deploy --help`, `--version` and `completion` start fast because they load only the command
 * declarations and commander: the engine, the UI (Ink, React), the AWS SDK and the emulator load
 * inside a command's `run`. Observed on the built CLI (bin/deploy.js) with a module-loader hook
 * that reports every module node loads. Timings are for bench/cli-startup.mjs.
 *
 * bin/deploy.js runs the bundle in dist/bin/ (scripts/bundle.mjs), whose chunk names do not say
 * which modules they hold: each loaded chunk stands for the dist/ modules esbuild's metafile
 * (dist/bin/meta.json) lists in it, so the assertions below are about modules, as before bundling.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

const HOOKS = `export async function load(url, context, next) { console.error('LOADED ' + url); return next(url, context); }`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

/** The dist/ modules in each chunk of the bundle, by the chunk's path (`dist/bin/chunk-….js`). */
function chunkModules(): Map<string, string[]> {
  const meta = JSON.parse(readFileSync(resolve(ROOT, 'dist/bin/meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  return new Map(Object.entries(meta.outputs).map(([chunk, { inputs }]) => [chunk, Object.keys(inputs)]));
}

/** Every file (project or package) node loads to run `deploy ...args`, relative to the repository. */
function loadedFiles(args: string[]): string[] {
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, 'bin/deploy.js', ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED file://'))
    .map((line) => line.slice('LOADED file://'.length).replace(`${ROOT}/`, ''));
}

/** What `deploy ...args` loads: bin/deploy.js, the dist/ modules of the chunks it loads, and package files. */
function loaded(args: string[]): string[] {
  const chunks = chunkModules();
  return loadedFiles(args).flatMap((file) => {
    if (!file.startsWith('dist/bin/')) return [file];
    const modules = chunks.get(file);
    if (!modules) throw new Error(`${file} is not in dist/bin/meta.json: is the bundle from another build?`);
    return modules;
  });
}

describe('cold start', () => {
  it('runs the bundle: no dist/ module loads on its own', () => {
    const project = loadedFiles(['validate', 'examples/websocket-api', 'dev']).filter(
      (f) => !f.startsWith('node_modules/'),
    );
    expect(project).toContain('dist/bin/main.js');
    expect(project.filter((f) => f !== 'bin/deploy.js' && !f.startsWith('dist/bin/'))).toEqual([]);
  });

  it.each([['--help'], ['--version'], ['plan', '--help'], ['completion', 'bash'], ['completion', 'fish']])(
    'deploy %s loads the declarations and commander, nothing heavy',
    (...args) => {
      const files = loaded(args);
      expect(files).toContain('dist/cli/commands/plan.js');
      const heavy = files.filter(
        (f) =>
          !/^dist\/(cli|errors)\//.test(f) &&
          f !== 'dist/common/suggest.js' &&
          !f.startsWith('node_modules/commander/') &&
          f !== 'bin/deploy.js',
      );
      expect(heavy).toEqual([]);
      expect(files.filter((f) => /run-stack-command|cloud-setup|apply-like/.test(f))).toEqual([]);
    },
  );

  it('a command loads what it needs when it runs', () => {
    const files = loaded(['validate', 'examples/websocket-api', 'dev']);
    expect(files).toEqual(expect.arrayContaining(['dist/stack/index.js', 'dist/schema/index.js']));
    expect(
      files.filter((f) => /^dist\/(engine|ui|emulator|cloud)\/|node_modules\/(ink|react|@aws-sdk)\//.test(f)),
    ).toEqual([]);
  });

  it('a plan keeping its state in files does not load the S3 SDK', () => {
    const stack = mkdtempSync(join(tmpdir(), 'deploy-startup-'));
    cpSync(resolve(ROOT, 'examples/websocket-api'), stack, { recursive: true });
    const files = loaded(['plan', stack, 'dev', '--local']);
    expect(files.some((f) => f.includes('node_modules/@aws-sdk/client-cloudcontrol/'))).toBe(true);
    expect(files.filter((f) => f.includes('node_modules/@aws-sdk/client-s3/'))).toEqual([]);
  });
});
