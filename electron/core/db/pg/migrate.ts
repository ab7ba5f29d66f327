import { AppError } from '../../contract/errors';
import { AuditLog } from '../../audit/chain';
import type { Sql } from '../sql-port';
import { SYSTEM_ACTOR, writeStartingRecords } from './starting-records';
import { BASELINE_RECORDS } from './baseline-records';
import { BASELINE_INDEXES, BASELINE_ROSTER } from './baseline-roster';
import { BASELINE_GUARDS } from './guards';

export interface PgMigration {
  /** The SQLite step whose schema this reaches: the two engines share one numbering. */
  version: number;
  name: string;
  up: string | ((sql: Sql) => Promise<void>);
}

/**
 * PostgreSQL steps. A shared database starts at the SQLite schema of version 130 in one step; every
 * later SQLite step gets its PostgreSQL twin here with the same number. Forward-only: never edit one.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 130,
    name: 'baseline: the SQLite schema at version 130, append-only guards as triggers',
    up: BASELINE_RECORDS + BASELINE_ROSTER + BASELINE_INDEXES + BASELINE_GUARDS,
  },
  {
    // SQLite's 140: the daily report finds older incidents touched in its period by time.
    version: 140,
    name: 'daily report: activity by time (amendments, instruction actions, response events)',
    up: `
      CREATE INDEX incident_versions_at ON incident_versions(at);
      CREATE INDEX instruction_actions_at ON instruction_actions(at);
      CREATE INDEX activation_events_at ON activation_events(at);
    `,
  },
];
export const PG_LATEST_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

const SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  applied_at  text NOT NULL,
  app_version text NOT NULL
)`;

export interface PgMigrateOptions {
  appVersion: string;
  /** ISO time recorded per step (the app's clock). */
  now: () => string;
  /** Stop at this version (tests of a later step from the previous one). */
  targetVersion?: number;
  /**
   * false: the schema only, no starting records and no audit entries — for migrate-to, which copies a
   * SQLite record's own chain (with its own db.created and sample plans) into the empty database.
   */
  records?: boolean;
  /**
   * Called inside each step's transaction after its DDL and its db.migrated entry (which the migrator
   * writes itself, as SQLite's does): anything a host wants to commit with the step.
   */
  onStep?: (sql: Sql, step: { version: number; name: string }) => Promise<void>;
}

async function currentVersion(sql: Sql): Promise<number> {
  return (await sql.value<number>('SELECT max(version) FROM schema_migrations')) ?? 0;
}

/**
 * Brings a shared database up to this app's schema. Each step runs in one transaction, and the port's
 * `tx` takes the chain-head advisory lock first: two seats starting at once migrate once (the second
 * finds the step done after waiting), and no seat writes records half-way through a step. Run by the
 * owner role (docs/postgres.md): seats' roles cannot create tables.
 */
export async function migratePostgres(sql: Sql, opts: PgMigrateOptions): Promise<{ from: number; to: number }> {
  const from = await sql.tx(async (t) => {
    await t.exec(SCHEMA_MIGRATIONS);
    const found = await currentVersion(t);
    if (found > PG_LATEST_VERSION) throw new AppError('db.newer_than_app', { found, supported: PG_LATEST_VERSION });
    return found;
  });
  const target = opts.targetVersion ?? PG_LATEST_VERSION;
  for (const step of PG_MIGRATIONS) {
    if (step.version > target) break;
    await sql.tx(async (t) => {
      if ((await currentVersion(t)) >= step.version) return;
      if (typeof step.up === 'string') await t.exec(step.up);
      else await step.up(t);
      await t.run('INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (?, ?, ?, ?)', [
        step.version,
        step.name,
        opts.now(),
        opts.appVersion,
      ]);
      if (opts.records !== false) {
        // The same entries SQLite's migrator writes (db/open.ts migrate): a new record starts with
        // db.created and the starting records, and each step is recorded, in the step's transaction.
        const audit = new AuditLog(t, { now: () => new Date(opts.now()) });
        if (!(await audit.head()))
          await writeStartingRecords(t, audit, { at: opts.now(), appVersion: opts.appVersion });
        await audit.append({
          actor: SYSTEM_ACTOR,
          kind: 'db.migrated',
          payload: { version: step.version, name: step.name, appVersion: opts.appVersion },
        });
      }
      await opts.onStep?.(t, { version: step.version, name: step.name });
    });
  }
  return { from, to: await currentVersion(sql) };
}

/**
 * After rows were copied with their ids (migrate-to), moves every identity past the highest id, so the
 * next row the app inserts without an id does not collide. Owner role only.
 */
export async function resyncIdentities(sql: Sql): Promise<void> {
  const cols = await sql.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const c of cols) {
    await sql.value(
      `SELECT setval(pg_get_serial_sequence(?, ?), coalesce((SELECT max(${c.column_name}) FROM ${c.table_name}), 0) + 1, false)`,
      [c.table_name, c.column_name],
    );
  }
}
