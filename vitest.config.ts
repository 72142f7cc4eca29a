import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      // Build scripts run at `npm run build`, and the CLI mostly runs in child processes that
      // the end-to-end tests spawn, where in-process coverage cannot see it.
      exclude: ['src/**/*-main.ts'],
      reporter: ['text-summary'],
      // A little under what the suite reaches (92% lines, 87% branches): a drop means untested code.
      thresholds: { statements: 88, branches: 83, functions: 92, lines: 88 },
    },
  },
});
