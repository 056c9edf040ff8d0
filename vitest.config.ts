import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure src/lib code, content validation, CLI) runs without a build;
// `e2e` drives the built site (dist/) in the system Chromium and needs `npm run build` first.
// Coverage (v8) is measured on the unit run (`npm run test:unit`) over the code it exercises:
// src/lib and the content loaders. The thresholds sit just under
// what is measured, so a change that leaves code untested fails the run.
export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/loaders/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.tmp/coverage',
      thresholds: { statements: 87, branches: 79, functions: 87, lines: 88 },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/content/**/*.test.ts', 'test/cli/**/*.test.ts'],
          // Generous: some tests spawn the CLI or run property checks on a shared, busy machine;
          // hooks too, since many load and compile the whole content in beforeAll (10 s by default,
          // which four files exceeded under a load average of about 17).
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Limits that only a hang reaches, even on a busy machine (principle 8): a browser test
          // waits for what it needs (scripts/lib/browser.ts gives each action 300 s), never for a clock.
          testTimeout: 600_000,
          hookTimeout: 300_000,
          expect: { poll: { timeout: 300_000 } },
          // Concurrent tests (one per page in site.test.ts) run a few at a time.
          maxConcurrency: 2,
          fileParallelism: false,
        },
      },
    ],
  },
});
