import { defineConfig } from 'vitest/config';

// One test run for the whole monorepo. The `source` condition makes workspace packages resolve
// to their TypeScript sources, so tests never depend on a stale build. The global setup starts a
// throwaway PostgreSQL cluster for the tests that run on both databases.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}'],
    globalSetup: ['packages/server/test/pg-cluster.ts'],
    reporters: ['default', './tools/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
