import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@contract': resolve(import.meta.dirname, 'electron/core/contract'),
  '@domain': resolve(import.meta.dirname, 'electron/core/domain'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'core',
          environment: 'node',
          // Some core tests start the built web host or CLI as processes: slow on a loaded 2-core box.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          include: ['tests/core/**/*.test.ts'],
          // A throw-away PostgreSQL cluster for the tests that run on both engines (issue 15).
          globalSetup: ['tests/pg/cluster.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'ui',
          environment: 'jsdom',
          testTimeout: 20_000,
          include: ['tests/ui/**/*.test.tsx', 'tests/ui/**/*.test.ts'],
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
