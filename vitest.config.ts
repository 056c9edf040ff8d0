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
        },
      },
    ],
  },
});
