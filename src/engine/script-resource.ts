/**
 * `type: script` resources (stackql-deploy's `run:`): a shell command, run in the stack
 * directory once every value it uses is known, whose standard output is a JSON object holding
 * the resource's exports. A failing command, or output that is not such an object, fails it.
 */
import { spawn } from 'node:child_process';
import { DeployError } from '../errors/index.js';
import { displayPath } from '../manifest/index.js';
import { renderRun, type Known, type StackResource } from '../stack/index.js';
import { containsUnknown } from '../template/index.js';
import type { PlanContext } from './plan-context.js';

/** Runs the script; undefined when it uses values not known yet. */
export async function runScript(
  ctx: PlanContext,
  resource: StackResource,
  known: Known,
  signal?: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  const name = resource.def.name;
  const command = renderRun(ctx.stack, resource, known);
  if (containsUnknown(command)) return undefined;
  const at = { file: displayPath(ctx.stack.manifest.file), line: resource.def.line, resource: name };
  const { code, stdout, stderr } = await shell(command, ctx.stack.dir, signal);
  if (code !== 0) {
    throw new DeployError('ScriptFailed', `the script of '${name}' exited with ${code}: ${lastLine(stderr)}`, {
      ...at,
      hint: `run it by hand in ${ctx.stack.dir}: ${command}`,
    });
  }
  let output: unknown;
  try {
    output = JSON.parse(stdout);
  } catch {
    output = undefined;
  }
  if (typeof output !== 'object' || output === null || Array.isArray(output)) {
    throw new DeployError('ScriptOutput', `the script of '${name}' did not print a JSON object`, {
      ...at,
      hint: `print its exports as one JSON object, e.g. {"${resource.def.exports[0]?.column ?? 'token'}": "…"}`,
    });
  }
  const row = output as Record<string, unknown>;
  const missing = resource.def.exports.filter((e) => row[e.column] === undefined).map((e) => e.column);
  if (missing.length > 0) {
    throw new DeployError('ScriptOutput', `the script of '${name}' printed no ${missing.join(', ')}`, {
      ...at,
      hint: `its JSON output must hold every export: ${resource.def.exports.map((e) => e.column).join(', ')}`,
    });
  }
  return row;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

function shell(
  command: string,
  cwd: string,
  signal?: AbortSignal,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
