import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { afterEach, describe, it } from 'vitest';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import { createService, type Service } from '../../electron/core/service';
import type { Sql } from '../../electron/core/db/sql-port';
import { sqliteSql } from '../../electron/core/db/sql-sqlite';
import { postgresSql } from '../../electron/core/db/sql-postgres';
import { migratePostgres } from '../../electron/core/db/pg/migrate';
import { databaseOf, freshDatabase } from '../pg/databases';
import { downloadPath, downloadsDirOf } from '../../electron/core/data-dir';
import { CORE_FEATURES } from '../../electron/core/features';
import type { CoreWiring } from '../../electron/core/wiring';
import type { MethodName, MethodInput, MethodOutput } from '../../electron/core/contract';

/**
 * The engine this run tests (issue 15: the same core tests on both). vitest's `core-pg` project sets
 * DUTY_TEST_ENGINE=postgres; every other run is SQLite, the embedded default.
 */
export const engine: 'sqlite' | 'postgres' = process.env.DUTY_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * For tests that are about SQLite itself (its file, witness, triggers as SQLite reports them): skipped on
 * the PostgreSQL run. The reason is part of the name, so a skipped test says why in the report.
 */
export const sqliteOnly = {
  describe: (reason: string, name: string, fn: () => void) =>
    describe.skipIf(engine === 'postgres')(`${name} [SQLite only: ${reason}]`, fn),
  it: (reason: string, name: string, fn: () => Promise<void> | void, timeout?: number) =>
    it.skipIf(engine === 'postgres')(`${name} [SQLite only: ${reason}]`, fn, timeout),
};

/**
 * Changes the record behind the app, as someone with the file or the superuser could: on SQLite another
 * connection to the file (dropping the named guard triggers first), on PostgreSQL a superuser session with
 * triggers switched off for itself (`session_replication_role = replica`).
 */
export async function intrude(
  core: Pick<TestCore, 'file' | 'url'>,
  sql: string,
  params: unknown[] = [],
  sqliteTriggers: string[] = [],
): Promise<void> {
  if (engine === 'sqlite') {
    const intruder = new BetterSqlite(core.file);
    try {
      for (const t of sqliteTriggers) intruder.exec(`DROP TRIGGER ${t}`);
      intruder.prepare(sql).run(...params);
    } finally {
      intruder.close();
    }
    return;
  }
  const intruder = postgresSql({ url: core.url, max: 1 });
  try {
    await intruder.tx(async (t) => {
      await t.exec('SET LOCAL session_replication_role = replica');
      await t.run(sql, params);
    });
  } finally {
    await intruder.close();
  }
}

const dirs: string[] = [];
const pools: Sql[] = [];
afterEach(async () => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  // A test's PostgreSQL pools end with it (the throw-away cluster allows a few hundred connections).
  while (pools.length) await pools.pop()!.close();
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'duty-room-test-'));
  dirs.push(d);
  return d;
}

/**
 * A service over an SQLite database left at an older schema `version` (an upgrade test writes through it,
 * closes it, then opens the folder with the current app to see the migration at work).
 */
export async function serviceAtVersion(
  version: number,
  start: string,
): Promise<{ dir: string; clock: ManualClock; old: Database.Database; service: Service }> {
  const dir = tempDir();
  const clock = new ManualClock(start);
  const old = openDatabase(join(dir, 'duty-room.sqlite'), { clock, appVersion: 'test', targetVersion: version });
  const service = await createService({
    sql: sqliteSql(old),
    clock,
    appVersion: 'test',
    dataFile: '',
    wiring: TEST_WIRING,
  });
  return { dir, clock, old, service };
}

export interface TestCore {
  engine: 'sqlite' | 'postgres';
  dir: string;
  /** The SQLite file; '' on PostgreSQL (no witness or checkpoint files beside a server). */
  file: string;
  /** The raw SQLite handle — SQLite only: on PostgreSQL reading it fails the test (use `sql`). */
  db: Database.Database;
  /** The record through the query port, on either engine. */
  sql: Sql;
  /** PostgreSQL: the database's URL (the cluster's superuser, for tests that play an intruder); '' on SQLite. */
  url: string;
  clock: ManualClock;
  service: Service;
  /** Calls a method and returns its value, failing the test on an error result. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  reopen(): Promise<TestCore>;
}

/** The wiring of a full build, without a PDF printer unless a test lends one. */
export const TEST_WIRING: CoreWiring = { ...CORE_FEATURES, pdfPrinter: null };

export interface TestCoreOptions {
  start?: string;
  dir?: string;
  clock?: ManualClock;
  wiring?: CoreWiring;
  targetVersion?: number;
  /** PostgreSQL: reopen this database instead of making a fresh one. */
  url?: string;
}

export async function openTestCore(opts: TestCoreOptions = {}): Promise<TestCore> {
  lastInternal = null;
  return engine === 'postgres' ? openPostgresCore(opts) : openSqliteCore(opts);
}

/**
 * The cause behind the last `internal` answer: the API hides it from callers, but a test failing on
 * PostgreSQL should name the SQL that broke, not just "internal".
 */
let lastInternal: unknown = null;
const rememberInternal = (_msg: string, err: unknown) => {
  lastInternal = err;
};

function testCore(
  parts: Pick<TestCore, 'dir' | 'file' | 'url' | 'clock' | 'service'> & { db: Database.Database | null },
  reopen: () => Promise<TestCore>,
): TestCore {
  const { service, db } = parts;
  return {
    engine,
    dir: parts.dir,
    file: parts.file,
    get db(): Database.Database {
      if (!db) throw new Error('core.db is SQLite only: use core.sql, or mark the test sqliteOnly with a reason');
      return db;
    },
    sql: service.ctx.sql,
    url: parts.url,
    clock: parts.clock,
    service,
    async call(method, input) {
      const r = await service.invoke(method, input);
      if (!r.ok) {
        const cause = r.error.code === 'internal' && lastInternal ? `: ${String(lastInternal)}` : '';
        throw new Error(`${method} failed: ${JSON.stringify(r.error)}${cause}`);
      }
      return r.value as never;
    },
    reopen,
  };
}

async function openSqliteCore(opts: TestCoreOptions): Promise<TestCore> {
  const dir = opts.dir ?? tempDir();
  const file = join(dir, 'duty-room.sqlite');
  const clock = opts.clock ?? new ManualClock(opts.start ?? '2026-11-23T01:00:00Z');
  const db = openDatabase(file, { clock, appVersion: 'test', targetVersion: opts.targetVersion });
  const service = await createService({
    sql: sqliteSql(db),
    clock,
    appVersion: 'test',
    dataFile: file,
    wiring: opts.wiring ?? TEST_WIRING,
  });
  return testCore({ dir, file, url: '', db, clock, service }, () => {
    db.close();
    return openSqliteCore({ dir, clock, wiring: opts.wiring });
  });
}

/**
 * Migrating a new database takes about a second on a loaded 2-core box, a copy of a migrated one a tenth
 * of that: each test process migrates once per start time (the starting entries carry it) and copies.
 */
const templates = new Map<string, Promise<string>>();
function migratedTemplate(clock: ManualClock, targetVersion: number | undefined): Promise<string> {
  const at = clock.now().toISOString();
  const key = `${at}|${targetVersion ?? ''}`;
  let made = templates.get(key);
  if (!made) {
    made = (async () => {
      const url = await freshDatabase('tmpl');
      const sql = postgresSql({ url, max: 1 });
      try {
        await migratePostgres(sql, { appVersion: 'test', now: () => at, targetVersion });
      } finally {
        await sql.close(); // a template is copied only while nobody is connected to it
      }
      return databaseOf(url);
    })();
    templates.set(key, made);
    made.catch(() => templates.delete(key));
  }
  return made;
}

/** A fresh database on the test cluster, migrated by the app's migrator (what a new shared duty room gets). */
async function openPostgresCore(opts: TestCoreOptions): Promise<TestCore> {
  const dir = opts.dir ?? tempDir();
  const clock = opts.clock ?? new ManualClock(opts.start ?? '2026-11-23T01:00:00Z');
  const url = opts.url ?? (await freshDatabase('core', await migratedTemplate(clock, opts.targetVersion)));
  const sql = postgresSql({ url, max: 4, applicationName: 'duty-room-test' });
  pools.push(sql);
  const service = await createService({
    sql,
    clock,
    appVersion: 'test',
    dataFile: '',
    wiring: opts.wiring ?? TEST_WIRING,
    log: rememberInternal,
  });
  return testCore({ dir, file: '', url, db: null, clock, service }, async () => {
    await sql.close();
    pools.splice(pools.indexOf(sql), 1);
    return openPostgresCore({ dir, clock, wiring: opts.wiring, url });
  });
}

/** The bytes of a big export the core prepared in the downloads folder (what a host hands over). */
export function downloadedBytes(core: Pick<TestCore, 'file'>, file: { download: string; sha256: string }): Buffer {
  const bytes = readFileSync(downloadPath(downloadsDirOf(core.file), file.download)!);
  // The hash the chain recorded is the hash of exactly these bytes.
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256)
    throw new Error('download differs from its hash');
  return bytes;
}
