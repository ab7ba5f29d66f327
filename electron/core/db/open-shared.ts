import { hostname } from 'node:os';
import { AppError } from '../contract/errors';
import type { SeatCheck } from '../contract/app';
import type { Clock } from './clock';
import { migratePostgres, PG_LATEST_VERSION } from './pg/migrate';
import { grantSeatRole, SEAT_GROUP } from './pg/seat-role';
import type { Sql } from './sql-port';
import { postgresSql } from './sql-postgres';
import { checkUrl, sharedPlace } from './seat-file';

export interface SharedOpenOptions {
  clock: Clock;
  appVersion: string;
  readonly?: boolean;
  /** Which kind of host this seat is ('app', 'web', 'cli'), shown in pg_stat_activity beside the machine. */
  role?: string;
  onError?: (e: Error) => void;
}

/**
 * The schema version a shared database is at (0: nothing created yet). Looked up by name, not through
 * information_schema, which hides the tables a login has no privilege on: a login outside the seat group
 * would see an empty database and be told to migrate it.
 */
export async function sharedSchemaVersion(sql: Sql): Promise<number> {
  if (!(await sql.value<boolean>("SELECT to_regclass('schema_migrations') IS NOT NULL"))) return 0;
  if (!(await sql.value<boolean>("SELECT has_table_privilege('schema_migrations', 'SELECT')")))
    throw new AppError('db.no_write_privilege', { table: 'schema_migrations' });
  return (await sql.value<number>('SELECT max(version) FROM schema_migrations')) ?? 0;
}

/** Whether this login may create tables here (the owner: migrates) or only use them (a seat). */
export async function mayMigrate(sql: Sql): Promise<boolean> {
  return (await sql.value<boolean>("SELECT has_schema_privilege(current_schema(), 'CREATE')")) === true;
}

/**
 * A seat's connection to a shared database, the schema brought up to this app's version first. A login
 * that may create tables (the owner, docs/postgres.md) migrates and then rebuilds the seat group's
 * grants so new tables are covered. A seat's login that finds the schema behind is
 * refused with db.schema_behind: it cannot migrate, and writing to an older schema would lose fields.
 */
export async function openSharedSql(url: string, opts: SharedOpenOptions): Promise<Sql> {
  checkUrl(url);
  const sql = postgresSql({
    url,
    readonly: opts.readonly,
    onError: opts.onError,
    applicationName: `duty-room ${opts.role ?? 'seat'}@${hostname()}`.slice(0, 63),
  });
  try {
    await prepareSchema(sql, opts);
    return sql;
  } catch (e) {
    await sql.close();
    throw e;
  }
}

async function prepareSchema(sql: Sql, opts: SharedOpenOptions): Promise<void> {
  const found = await sharedSchemaVersion(sql);
  if (found > PG_LATEST_VERSION) throw new AppError('db.newer_than_app', { found, supported: PG_LATEST_VERSION });
  if (found === PG_LATEST_VERSION) return;
  if (opts.readonly || !(await mayMigrate(sql)))
    throw new AppError('db.schema_behind', { found, needed: PG_LATEST_VERSION });
  // migratePostgres records each step (db.created and the starting records first, as a new SQLite file).
  const { from, to } = await migratePostgres(sql, {
    appVersion: opts.appVersion,
    now: () => opts.clock.now().toISOString(),
  });
  if (to > from && (await mayGrant(sql))) await grantSeatRole(sql);
}

/** The seat group exists (a superuser made it) or this login may create it. */
async function mayGrant(sql: Sql): Promise<boolean> {
  return (
    (await sql.value<boolean>(
      `SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = ?)
           OR EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND (rolcreaterole OR rolsuper))`,
      [SEAT_GROUP],
    )) === true
  );
}

/** What a connection test found: the contract's SeatCheck (Settings shows it, `connect` prints it). */
export type ConnectionCheck = SeatCheck;

/**
 * `duty-room connect` and Settings' 测试连接: reaches the server, logs in, reads the schema version and
 * checks this login may write, without switching anything. Refused as the seat would be at start
 * (db.login_refused, db.newer_than_app, db.schema_behind) or db.no_write_privilege; a server that
 * cannot be reached is db.unreachable, naming the server and the network's reason (the seat's own
 * db.unavailable says it reconnects by itself, which a test of another address does not).
 */
export async function checkSharedDatabase(url: string): Promise<ConnectionCheck> {
  checkUrl(url);
  const sql = postgresSql({ url, max: 1, applicationName: 'duty-room connect' });
  try {
    return await checkOn(sql, url);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'db.unavailable') throw e;
    const { host, port } = sharedPlace(url);
    const cause = e.cause as { code?: unknown; message?: unknown } | undefined;
    const reason = typeof cause?.code === 'string' ? cause.code : String(cause?.message ?? '—');
    throw new AppError('db.unreachable', { server: `${host}:${port}`, reason });
  } finally {
    await sql.close();
  }
}

/** The checks themselves, on a connection to the server under test. */
async function checkOn(sql: Sql, url: string): Promise<ConnectionCheck> {
  const serverVersion = (await sql.value<string>("SELECT current_setting('server_version')")) ?? '';
  const found = await sharedSchemaVersion(sql);
  const migrates = await mayMigrate(sql);
  if (found > PG_LATEST_VERSION) throw new AppError('db.newer_than_app', { found, supported: PG_LATEST_VERSION });
  if (found < PG_LATEST_VERSION && !migrates)
    throw new AppError('db.schema_behind', { found, needed: PG_LATEST_VERSION });
  if (found > 0) {
    // What every write needs: a row in a record table and its audit entry.
    for (const table of ['incidents', 'audit_log']) {
      const may = await sql.value<boolean>("SELECT has_table_privilege(?, 'INSERT')", [table]);
      if (!may) throw new AppError('db.no_write_privilege', { table });
    }
  }
  const place = sharedPlace(url);
  return { ...place, serverVersion, schemaVersion: found, appSchemaVersion: PG_LATEST_VERSION, mayMigrate: migrates };
}
