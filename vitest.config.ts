import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure src/lib code, content validation, CLI) runs without a build;
// `e2e` drives the built site (dist/) in the system Chromium and needs `npm run build` first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/content/**/*.test.ts', 'test/cli/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits for the page (a result, a lazily loaded module); it measures nothing,
          // so a slow or busy machine must not fail it (principle 8).
          expect: { poll: { timeout: 60_000 } },
        },
      },
    ],
  },
});
