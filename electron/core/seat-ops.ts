import { join } from 'node:path';
import { systemClock, type Clock } from './db/clock';
import { acquireHostLock } from './db/host-lock';
import { migrateTo, type MigrateToResult } from './db/migrate-to';
import { openDatabase } from './db/open';
import { checkSharedDatabase, type ConnectionCheck } from './db/open-shared';
import { writeSeat } from './db/seat-file';
import { postgresSql } from './db/sql-postgres';
import { DB_FILE_NAME } from './data-dir';
import { APP_VERSION } from './version';

/** Hosts reach these through open-core (the CLI's connect and migrate-to, Settings' switch). */
export type { ConnectionCheck, MigrateToResult };

/**
 * Switches a data folder's seat to a shared database: the connection is tested (server, login, schema,
 * write privilege), the seat opened once as it will be at start (an owner's login migrates the schema
 * here), and only then seat.json written. Nothing changes when any of it fails.
 */
export async function connectSeatWith(
  dataDir: string,
  url: string,
  open: (dataDir: string, url: string) => Promise<{ close(): Promise<void> }>,
): Promise<ConnectionCheck> {
  const check = await checkSharedDatabase(url);
  await (await open(dataDir, url)).close();
  writeSeat(dataDir, { url });
  // Opened once: an owner's login has brought the schema up to this app's version by now.
  return { ...check, schemaVersion: check.appSchemaVersion };
}

/**
 * `duty-room migrate-to`: the folder's single-seat SQLite record into an empty PostgreSQL database (see
 * db/migrate-to.ts). The host lock is held meanwhile, so an app still writing to the file refuses to
 * start (and a running one makes this refuse with db.in_use).
 */
export async function migrateToShared(
  dataDir: string,
  url: string,
  onTable?: (table: string, rows: number) => void,
  clock: Clock = systemClock,
): Promise<MigrateToResult> {
  const file = join(dataDir, DB_FILE_NAME);
  const release = acquireHostLock(`${file}.lock`);
  try {
    const source = openDatabase(file, { clock, appVersion: APP_VERSION });
    const target = postgresSql({ url, applicationName: 'duty-room migrate-to' });
    try {
      return await migrateTo(source, target, {
        appVersion: APP_VERSION,
        now: () => clock.now().toISOString(),
        onTable,
      });
    } finally {
      await target.close();
      source.close();
    }
  } finally {
    release();
  }
}
