// Lint rules that catch what review would: unawaited promises, unsafe any, printing outside the
// layers that may print, and imports that run against the architecture (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// What each folder may not import, and why. ESLint keeps one `no-restricted-imports` setting per
// file, so every folder gets all of its restrictions in one entry.
const FOLDERS = [
  'cli',
  'ui',
  'engine',
  'stack',
  'plan',
  'graph',
  'schema',
  'cloud',
  'state',
  'manifest',
  'template',
  'query',
  'events',
  'common',
  'errors',
  'emulator',
];
const RULES = [
  {
    folders: ['plan', 'graph'],
    groups: ['node:fs', 'node:http', 'node:net', 'node:child_process', '**/cloud/**'],
    why: 'the planner and the graph are pure: data in, data out',
  },
  { folders: FOLDERS.filter((f) => f !== 'cloud'), groups: ['@aws-sdk/*'], why: 'only src/cloud talks to AWS' },
  {
    folders: FOLDERS.filter((f) => f !== 'ui'),
    groups: ['ink', 'ink/*', 'react', 'react/*'],
    why: 'only src/ui renders to the terminal',
  },
  {
    folders: FOLDERS.filter((f) => f !== 'cli' && f !== 'ui'),
    groups: ['**/cli/**', '**/ui/**'],
    why: 'only the CLI sits above the engine and the reporters',
  },
  { folders: ['common'], groups: ['../*'], why: 'src/common imports nothing from the project' },
];
const layering = FOLDERS.map((folder) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: RULES.filter((r) => r.folders.includes(folder)).map((r) => ({ group: r.groups, message: r.why })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Messages stringify unknown user values on purpose (`String(value)` of a YAML scalar).
      '@typescript-eslint/no-base-to-string': 'off',
      // Commands and ports are async by contract even where one implementation needs no await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['src/ui/**', 'src/cli/**', 'src/**/*-main.ts'], rules: { 'no-console': 'off' } },
  {
    files: ['test/**'],
    // vitest's asymmetric matchers (expect.objectContaining) are typed `any`.
    rules: { 'no-console': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  ...layering,
);
