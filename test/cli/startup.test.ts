/**
 * `deploy --help`, `--version` and `completion` start fast because they load only the command
 * declarations and commander: the engine, the UI (Ink, React), the AWS SDK and the emulator load
 * inside a command's `run`. Observed on the built CLI (bin/deploy.js) with a module-loader hook
 * that reports every module node loads. Timings are for bench/cli-startup.mjs.
 *
 * Those commands run the ES-module bundle in dist/bin/ (scripts/bundle.mjs), whose chunk names do
 * not say which modules they hold: each loaded chunk stands for the dist/ modules esbuild's
 * metafile (dist/bin/meta.json) lists in it, so the assertions below are about modules, as before
 * bundling. Stack commands run one CommonJS bundle compiled from V8's code cache
 * (bin/stack-runtime.js): what they load from node_modules is seen through require's cache.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStack } from '../e2e/harness.js';

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
});

/** The packages `deploy ...args` loads with require (the stack bundle's externals), relative to the repository. */
function required(args: string[], cwd = ROOT): string[] {
  const probe = join(mkdtempSync(join(tmpdir(), 'deploy-startup-')), 'probe.cjs');
  writeFileSync(
    probe,
    `process.on('exit', () => console.error('REQUIRED ' + JSON.stringify(Object.keys(require.cache))));`,
  );
  const run = spawnSync(process.execPath, ['--require', probe, resolve(ROOT, 'bin/deploy.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const line = run.stderr.split('\n').find((l) => l.startsWith('REQUIRED ')) ?? 'REQUIRED []';
  return (JSON.parse(line.slice('REQUIRED '.length)) as string[]).map((f) => f.replace(`${ROOT}/`, ''));
}

/** How the stack runtime of the checkout at `root` compiles the bundle: 'used' means from the cache. */
function cacheState(root: string): string {
  const script = `const r = await (await import('./bin/stack-runtime.js')).loadStackRuntime(); console.log(r.cache);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

/** A checkout sharing this one's build but with its own bin/ and dist/bin/, to change. */
function checkoutCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'deploy-startup-root-'));
  cpSync(resolve(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(resolve(ROOT, 'dist/bin'), join(root, 'dist/bin'), { recursive: true });
  for (const shared of ['dist/schema-data', 'node_modules', 'package.json', 'src'])
    symlinkSync(resolve(ROOT, shared), join(root, shared));
  return root;
}

/**
 * A no-change plan of a copy of the example with `--local`, run by the stack runtime of the
 * checkout at `root` with a terminal (TTY) as stdout, CI unset and NO_COLOR set: what it printed,
 * which ES modules it loaded, its exit code and how the bundle was compiled.
 */
function planOnATerminal(root: string) {
  const stack = tempStack(); // without the state a run of the example left in it
  const script = `
    import { PassThrough } from 'node:stream';
    const runtime = await (await import('./bin/stack-runtime.js')).loadStackRuntime();
    const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 40 });
    let printed = '';
    stdout.on('data', (chunk) => (printed += chunk));
    const env = { ...process.env, TERM: 'xterm', NO_COLOR: '1' };
    delete env.CI;
    const code = await runtime.run(['plan', ${JSON.stringify(stack)}, 'dev', '--local'], { stdout, stderr: process.stderr, stdin: process.stdin, env, cwd: process.cwd() });
    console.log(JSON.stringify({ result: { code, cache: runtime.cache }, printed }));`;
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, '--input-type=module', '-e', script],
    { cwd: root, encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  const { result, printed } = JSON.parse(run.stdout) as { result: unknown; printed: string };
  const lines = run.stderr.split('\n');
  return {
    result,
    stdout: printed,
    stderr: lines.filter((line) => !line.startsWith('LOADED ')).join('\n'),
    loaded: lines.filter((line) => line.startsWith('LOADED ')).map((line) => line.slice('LOADED '.length)),
  };
}

describe('stack commands', () => {
  it('run the stack bundle, not the ES-module chunks', () => {
    const project = loadedFiles(['validate', 'examples/websocket-api', 'dev']).filter(
      (f) => !f.startsWith('node_modules/'),
    );
    expect(project).toEqual(['bin/deploy.js', 'bin/stack-runtime.js']);
  });

  it('compile the bundle from the code cache the build wrote', () => {
    expect(cacheState(ROOT)).toBe('used');
  });

  it('a plan keeping its state in files does not load the S3 SDK (a manifest the full YAML parser reads does load yaml)', () => {
    const stack = tempStack();
    const manifest = join(stack, 'stackql_manifest.yml');
    writeFileSync(manifest, `---\n${readFileSync(manifest, 'utf8')}`); // a document marker: not for the fast reader
    const files = required(['plan', stack, 'dev', '--local']);
    expect(files.some((f) => f.startsWith('node_modules/yaml/'))).toBe(true);
    expect(files.filter((f) => f.includes('node_modules/@aws-sdk/client-s3/'))).toEqual([]);
  });

  // Code compiled from a V8 code cache cannot run import() itself (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING):
  // the bundle's imports go through bin/stack-runtime.js. init imports node:fs and node:path.
  it('import built-ins when compiled from the cache: init writes a stack', () => {
    expect(cacheState(ROOT)).toBe('used');
    const dir = mkdtempSync(join(tmpdir(), 'deploy-startup-'));
    const run = spawnSync(process.execPath, [resolve(ROOT, 'bin/deploy.js'), 'init', 'starter'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'starter', 'stackql_manifest.yml'), 'utf8')).toContain('resources:');
  });

  it('load the Ink UI on a terminal when compiled from the cache', () => {
    const run = planOnATerminal(ROOT);
    expect(run.result).toEqual({ code: 0, cache: 'used' });
    expect(run.loaded.some((url) => /\/dist\/bin\/mount-\w+\.js$/.test(url))).toBe(true);
    expect(run.loaded.some((url) => url.includes('/node_modules/ink/'))).toBe(true);
    expect(run.stderr).not.toContain('live view');
  });

  it('say so when the Ink UI cannot load, and still plan', () => {
    const root = checkoutCopy();
    const chunk = readdirSync(join(root, 'dist/bin')).find((f) => /^mount-\w+\.js$/.test(f)) as string;
    rmSync(join(root, 'dist/bin', chunk));
    const run = planOnATerminal(root);
    expect(run.result).toEqual({ code: 0, cache: 'used' });
    expect(run.stdout).toContain('Plan: 9 to create');
    expect(run.stderr).toMatch(
      /note: the live view could not load \(.*mount-\w+\.js.*\); progress was shown as plain lines/,
    );
  });

  it('a refused cache (another Node, a damaged file) still runs, and the command writes a fresh one', () => {
    const root = checkoutCopy();
    const cache = join(root, 'dist/bin/stack.cjs.cache');
    writeFileSync(cache, 'not a code cache');
    const validate = (nodeOptions: string) =>
      spawnSync(process.execPath, [join(root, 'bin/deploy.js'), 'validate', 'examples/websocket-api', 'dev'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: nodeOptions },
      });
    // Under node options V8 would refuse a cache written now to plain runs: none is written.
    const tuned = validate('--max-old-space-size=4096');
    expect(tuned.status, tuned.stderr).toBe(0);
    expect(readFileSync(cache, 'utf8')).toBe('not a code cache');
    const plain = validate('');
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('valid');
    expect(readFileSync(cache).length).toBeGreaterThan(100_000);
    expect(cacheState(root)).toBe('used');
  });
});
