import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/manifest/index.js';

const start = process.cwd();
afterEach(() => process.chdir(start));

describe('displayPath', () => {
  it('names a file relative to the working directory, and again after it changes', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'deploy-display-')));
    const file = join(root, 'stack', 'resources', 'api.iql');
    mkdirSync(join(root, 'stack', 'resources'), { recursive: true });
    process.chdir(root);
    expect(displayPath(file)).toBe(join('stack', 'resources', 'api.iql'));
    process.chdir(join(root, 'stack'));
    expect(displayPath(file)).toBe(join('resources', 'api.iql'));
    // Outside the working directory: the path as given.
    process.chdir(join(root, 'stack', 'resources'));
    expect(displayPath(join(root, 'stack', 'stackql_manifest.yml'))).toBe(join(root, 'stack', 'stackql_manifest.yml'));
    expect(displayPath(file)).toBe('api.iql');
  });
});
