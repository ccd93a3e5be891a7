import { defineConfig } from 'vitest/config';

// One test run for the whole monorepo. The `source` condition makes workspace packages resolve
// to their TypeScript sources, so tests never depend on a stale build.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
