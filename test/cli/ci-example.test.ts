/**
 * examples/ci/github-actions.yml: every `deploy` command in it is one the CLI accepts (the
 * command exists, its arguments are there, every flag applies to it and its value parses).
 * The commands' run functions are replaced, so nothing is deployed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/main.js';
import { cli } from './run-cli.js';

const WORKFLOW = new URL('../../examples/ci/github-actions.yml', import.meta.url);

interface Workflow {
  env: Record<string, string>;
  jobs: Record<string, { steps: { run?: string }[] }>;
}

/** The argument lists of every `npx deploy …` in the workflow, with its variables filled in. */
function deployCommands(workflow: Workflow): { job: string; args: string[] }[] {
  const found: { job: string; args: string[] }[] = [];
  for (const [job, { steps }] of Object.entries(workflow.jobs)) {
    for (const { run } of steps) {
      for (const match of (run ?? '').matchAll(/npx deploy ([^>|\n]+)/g)) {
        const line = (match[1] ?? '')
          .replace(/"\$STACK"/g, workflow.env['STACK'] ?? '')
          .replace(/\$\{\{[^}]+\}\}/g, '17');
        found.push({ job, args: line.trim().split(/\s+/) });
      }
    }
  }
  return found;
}

describe('the GitHub Actions example', () => {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;
  const commands = deployCommands(workflow);
  const accepted: string[] = [];
  const dryRun = COMMANDS.map((c) => ({
    ...c,
    run: () => {
      accepted.push(c.name);
      return Promise.resolve(0);
    },
  }));

  it('plans, deploys, tests and tears down pull requests, and applies production', () => {
    expect(commands.map((c) => `${c.job}: ${c.args[0]} ${c.args[2]}`)).toEqual([
      'plan: plan prd',
      'preview: apply pr-17',
      'preview: test pr-17',
      'teardown: teardown pr-17',
      'production: apply prd',
    ]);
    expect(workflow.env['DEPLOY_STATE']).toMatch(/^s3:\/\//);
  });

  it.each(commands.map((c) => [c.args.join(' '), c.args] as const))(
    'deploy %s is a valid invocation',
    async (_, args) => {
      accepted.length = 0;
      const result = await cli([...args], {
        commands: dryRun,
        env: { DEPLOY_STATE: workflow.env['DEPLOY_STATE'] ?? '' },
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(accepted).toEqual([args[0]]);
    },
  );
});
