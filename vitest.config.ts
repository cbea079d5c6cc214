import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned CLIs and worker threads slow down with the machine's load; tests that bound a worst case
    // give their own (smaller) timeout.
    testTimeout: 120_000,
    // Test files share no mutable state (no module mocks, no environment or working-directory changes):
    // each worker loads the rules, parsers and compiled schemas once instead of once per file.
    isolate: false,
    // On two cores the default (cores - 1) is a single worker, and a test waiting on a spawned CLI leaves
    // both cores idle: two workers keep one busy while the other waits.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
