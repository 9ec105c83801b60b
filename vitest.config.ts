import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Unit tests mirror the source tree: test/lib for lib/, and likewise for
          // extension/ (the browser runtime), components/ (which sections a role
          // sees) and scripts/.
          include: ['test/lib/**/*.test.{ts,tsx}', 'test/extension/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}', 'test/scripts/**/*.test.ts', 'test/config/**/*.test.ts'],
          environment: 'node',
          // jsdom fixture reads wait up to 15 s for a late render; the 5 s
          // default failed them on a loaded machine, not on a wrong read.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/server/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Fault drills (test/drills): each prints what it did and what it counted.
          name: 'drills',
          include: ['test/drills/**/*.test.ts'],
          exclude: ['test/drills/**/*.browser.test.ts'],
          environment: 'node',
          globalSetup: ['test/server/harness/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Drills that need the built extension in Chromium.
          name: 'browser-drills',
          include: ['test/drills/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
