import { defineConfig } from 'vitest/config';

// One runner for everything: unit and integration tests beside the code, browser journeys in tests/e2e.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit+integration',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'tests/support/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // After the unit and integration tests: the browser journeys want the cores to themselves.
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll waits for the browser (an image decoded, a list filled): a second, the
          // default, is not enough for a busy CI machine.
          expect: { poll: { timeout: 10_000 } },
          // Each journey starts its own server and browser: two at once fit on two cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
