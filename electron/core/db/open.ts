import Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { AuditLog } from '../audit/chain';
import type { Clock } from './clock';
import { MIGRATIONS, LATEST_VERSION, type Migration } from './migrations';

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
 * Opens (creating if needed) a duty-room database and brings its schema up to date, one transaction
 * per migration step. A new database starts its audit chain with a genesis entry, and every step
 * appends an entry, so even an untouched database has a chain to verify.
 */
export function openDatabase(file: string, opts: OpenOptions): Database.Database {
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    if (!opts.readonly) applyPragmas(db);
    const current = schemaVersion(db);
    if (current > LATEST_VERSION)
      throw new AppError('db.newer_than_app', { found: current, supported: LATEST_VERSION });
    if (!opts.readonly) migrate(db, opts);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function migrate(db: Database.Database, opts: OpenOptions): void {
  const target = opts.targetVersion ?? LATEST_VERSION;
  const pending = MIGRATIONS.filter((m) => m.version > schemaVersion(db) && m.version <= target);
  const audit = () => new AuditLog(db, opts.clock);
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
    })();
  }
}

function runStep(db: Database.Database, m: Migration, opts: OpenOptions): void {
  if (typeof m.up === 'string') db.exec(m.up);
  else m.up(db, { clock: opts.clock, appVersion: opts.appVersion, audit: new AuditLog(db, opts.clock) });
}
