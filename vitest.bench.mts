import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@contract': resolve(import.meta.dirname, 'electron/core/contract'),
  '@domain': resolve(import.meta.dirname, 'electron/core/domain'),
};

/**
 * `npm run bench` (not part of npm test): one long test that seeds and measures, printing one table.
 * Its own config so `vitest run` never picks it up.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    name: 'bench',
    environment: 'node',
    include: ['tests/bench/**/*.bench.ts'],
    // A throw-away PostgreSQL server for the shared-database rows (issue 15), durable as a duty room runs it.
    globalSetup: ['tests/pg/cluster.ts'],
    env: { DUTY_PG_DURABLE: '1' },
    testTimeout: 4 * 3600_000,
    hookTimeout: 600_000,
    // The table is the output: let console.log through as it is.
    silent: false,
    reporters: ['default'],
  },
});
