import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { AppError } from '../contract/errors';
import { SqliteAuditLog } from '../audit/chain';
import { writeWitness, witnessFileOf } from '../audit/witness';
import type { Clock } from './clock';
import { MIGRATIONS, LATEST_VERSION, type Migration } from './migrations';
import { checkAtOpen, checkHeader } from './quick-check';
import { fromSqliteError } from './sqlite-errors';

export const SYSTEM_ACTOR = 'system';

export interface OpenOptions {
  clock: Clock;
  appVersion: string;
  /** Stop at this schema version (migration tests); defaults to the latest. */
  targetVersion?: number;
  readonly?: boolean;
}

export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // The log is the legal record: an acknowledged write must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Opens a duty-room database and brings its schema up to date, one transaction per migration step.
 * Only a missing file is created (under a temporary name, renamed once complete, so a crash never
 * leaves a half-made database). An existing file that is empty, not SQLite, not ours or fails the
 * quick check (header, schema, chain head against the witness) is refused, never opened as new.
 */
export function openDatabase(file: string, opts: OpenOptions): Database.Database {
  if (opts.readonly) return openReadOnly(file);
  if (!existsSync(file)) createDatabase(file, opts);
  else checkHeader(file);
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (e) {
    throw fromSqliteError(e) ?? e;
  }
  try {
    applyPragmas(db);
    const current = schemaVersion(db);
    if (current > LATEST_VERSION)
      throw new AppError('db.newer_than_app', { found: current, supported: LATEST_VERSION });
    checkAtOpen(db, file, 'schema');
    migrate(db, opts);
    checkAtOpen(db, file, 'chain', opts.clock);
    return db;
  } catch (e) {
    db.close();
    throw fromSqliteError(e) ?? e;
  }
}

/** Read-only, for looking at a file without changing it (verify, a backup's check, recovery). */
export function openReadOnly(file: string): Database.Database {
  checkHeader(file);
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const current = schemaVersion(db);
    if (current > LATEST_VERSION) {
      db.close();
      throw new AppError('db.newer_than_app', { found: current, supported: LATEST_VERSION });
    }
    return db;
  } catch (e) {
    throw fromSqliteError(e) ?? e;
  }
}

function createDatabase(file: string, opts: OpenOptions): void {
  // A witness beside a missing database proves one existed here: it was deleted or moved, not "new".
  const witness = witnessFileOf(file);
  if (existsSync(witness)) throw new AppError('db.missing', { witness });
  const tmp = `${file}.creating`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const db = new Database(tmp);
  try {
    applyPragmas(db);
    migrate(db, opts);
    const head = new SqliteAuditLog(db, opts.clock).head();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    renameSync(tmp, file);
    writeWitness(witness, head);
  } catch (e) {
    if (db.open) db.close();
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    throw e;
  }
}

export function migrate(db: Database.Database, opts: OpenOptions): void {
  const target = opts.targetVersion ?? LATEST_VERSION;
  const pending = MIGRATIONS.filter((m) => m.version > schemaVersion(db) && m.version <= target);
  const audit = () => new SqliteAuditLog(db, opts.clock);
  for (const m of pending) {
    const fresh = schemaVersion(db) === 0;
    db.transaction(() => {
      runStep(db, m, opts);
      if (fresh) {
        audit().append({
          actor: SYSTEM_ACTOR,
          kind: 'db.created',
          payload: { appVersion: opts.appVersion, createdAt: opts.clock.now().toISOString() },
        });
      }
      audit().append({
        actor: SYSTEM_ACTOR,
        kind: 'db.migrated',
        payload: { version: m.version, name: m.name, appVersion: opts.appVersion },
      });
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

function runStep(db: Database.Database, m: Migration, opts: OpenOptions): void {
  if (typeof m.up === 'string') db.exec(m.up);
  else m.up(db, { clock: opts.clock, appVersion: opts.appVersion, audit: new SqliteAuditLog(db, opts.clock) });
}
