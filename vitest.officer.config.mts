import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// npm run bench:officer — the officer's flow in Chromium, counted; a benchmark, not part of npm test.
export default defineConfig({
  resolve: {
    alias: {
      '@contract': resolve(import.meta.dirname, 'electron/core/contract'),
      '@domain': resolve(import.meta.dirname, 'electron/core/domain'),
    },
  },
  test: {
    include: ['tests/bench/officer-flow.spec.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
