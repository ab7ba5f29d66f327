import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@contract': resolve(import.meta.dirname, 'electron/core/contract'),
  '@domain': resolve(import.meta.dirname, 'electron/core/domain'),
};

/**
 * Core test files that do not run a second time on PostgreSQL (issue 15), each with why. Everything else
 * under tests/core runs on both engines; single SQLite-only tests inside a shared file use `sqliteOnly`
 * (tests/core/helpers.ts), which names its reason in the test's title.
 */
const SQLITE_ONLY_FILES: Record<string, string> = {
  // About the SQLite file itself.
  'tests/core/crash.test.ts': 'kills a writer mid-transaction and reopens the SQLite file (WAL recovery)',
  'tests/core/recovery.test.ts': 'repairs a damaged SQLite file from its witness and backups',
  'tests/core/backup.test.ts': 'copies and restores the SQLite file (a server is backed up with pg_dump)',
  'tests/core/db.test.ts': 'opening, creating and refusing SQLite files (header, quick check, temp name)',
  'tests/core/migrations.test.ts': 'the SQLite steps from every earlier version (PostgreSQL: pg-schema.test.ts)',
  'tests/core/tamper.test.ts': 'edits the SQLite file behind the app and finds it by the witness file',
  'tests/core/witness-order.test.ts': 'the witness file beside the SQLite file, in commit order',
  // Hosts over a data directory (SQLite): their --url form belongs to the shared-database setup work.
  'tests/core/cli.test.ts': 'the CLI over a --data directory',
  'tests/core/documents-cli.test.ts': 'the CLI over a --data directory',
  'tests/core/log-csv-worker.test.ts':
    "worker threads with their own connection to the SQLite file (a server's export reads on one)",
  'tests/core/import-worker.test.ts': 'the CLI over a --data directory, its import prepared on a worker thread',
  'tests/core/web-host.test.ts': 'the built web host over a data directory',
  'tests/core/core-process.test.ts': 'the core utility process over a data directory',
  'tests/core/hosts-failures.test.ts': 'hosts refusing a locked or broken data directory',
  'tests/core/concurrency.test.ts': 'two processes over one data directory (the 3-seat storm is its PostgreSQL form)',
  // Already about PostgreSQL, or both engines, in the core project.
  'tests/core/pg-connection.test.ts': 'tests PostgreSQL itself in the core project',
  'tests/core/pg-schema.test.ts': 'tests PostgreSQL itself in the core project',
  'tests/core/sql-port.test.ts': 'runs on both engines in the core project',
  'tests/core/pg-upgrade.test.ts': 'tests PostgreSQL itself in the core project',
  'tests/core/pg-records.test.ts': 'tests PostgreSQL itself in the core project',
  'tests/core/shared-seat.test.ts': 'opens shared seats on its own database in the core project',
  'tests/core/shared-cli.test.ts': 'runs the CLI against its own database in the core project',
  'tests/core/write-storm.test.ts': 'three seat processes on its own database in the core project',
  // No record at all: the engine is not involved, a second run adds nothing.
  'tests/core/boundaries.test.ts': 'import boundaries of the source tree',
  'tests/core/built.test.ts': 'the built bundles',
  'tests/core/electron-security.test.ts': 'Electron window settings',
  'tests/core/i18n-english.test.ts': 'locale files',
  'tests/core/i18n-keys.test.ts': 'locale files',
  'tests/core/domain-deadlines.test.ts': 'pure domain rules',
  'tests/core/domain-facts.test.ts': 'pure domain rules',
  'tests/core/domain-grading.test.ts': 'pure domain rules',
  'tests/core/domain-supplementary.test.ts': 'pure domain rules',
  'tests/core/zone-time.test.ts': 'pure time-zone arithmetic',
  'tests/core/search-text.test.ts': 'the search index text, a pure function',
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
          // The same core tests on PostgreSQL: openTestCore makes a fresh database per core (issue 15).
          name: 'core-pg',
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          include: ['tests/core/**/*.test.ts'],
          exclude: Object.keys(SQLITE_ONLY_FILES),
          env: { DUTY_TEST_ENGINE: 'postgres' },
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
          // The two-seat scenario runs its web hosts on one database of the throw-away cluster.
          globalSetup: ['tests/pg/cluster.ts'],
        },
      },
    ],
  },
});
