import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { AuditLog, verifyChain } from '../audit/chain';
import { lockHolder } from '../db/host-lock';
import type { Clock } from '../db/clock';
import { LATEST_VERSION } from '../db/migrations';
import { SYSTEM_ACTOR, openDatabase, schemaVersion } from '../db/open';
import type { VerifyResult } from '../contract/audit';

/** Online backup (SQLite backup API): consistent even while the app keeps writing. */
export async function backupDatabase(db: Database.Database, outFile: string): Promise<void> {
  await db.backup(outFile);
}

export interface CandidateCheck {
  integrity: string;
  schemaVersion: number;
  verify: VerifyResult;
}

/** Checks a backup file without changing it: SQLite integrity, schema version and the audit chain. */
export function checkBackupFile(file: string): CandidateCheck {
  if (!existsSync(file)) throw new AppError('backup.invalid', { reason: 'missing', file });
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('backup.invalid', { reason: 'not_sqlite', file });
  }
  try {
    let integrity: string;
    try {
      integrity = String(db.pragma('integrity_check', { simple: true }));
    } catch {
      throw new AppError('backup.invalid', { reason: 'not_sqlite', file });
    }
    if (integrity !== 'ok') throw new AppError('db.integrity', { detail: integrity.slice(0, 200) });
    const version = schemaVersion(db);
    if (version === 0) throw new AppError('backup.invalid', { reason: 'not_duty_room', file });
    if (version > LATEST_VERSION)
      throw new AppError('db.newer_than_app', { found: version, supported: LATEST_VERSION });
    const verify = verifyChain(db);
    if (!verify.ok) {
      throw new AppError('audit.broken', {
        entry: verify.firstProblem?.entryId ?? 0,
        kind: verify.firstProblem?.kind ?? 'unknown',
      });
    }
    return { integrity, schemaVersion: version, verify };
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with `candidate`, only after the candidate passes every check.
 * The replaced file is kept beside it; the restore itself is recorded in the restored chain.
 * The app must not have `target` open.
 */
export function restoreDatabase(
  candidate: string,
  target: string,
  opts: { clock: Clock; appVersion: string },
): { keptPrevious: string | null; check: CandidateCheck } {
  const holder = lockHolder(`${target}.lock`);
  if (holder !== null) throw new AppError('db.in_use', { pid: holder });
  checkBackupFile(candidate);
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  copyFileSync(candidate, staging);
  // Check the copy that will be used, not just the file it came from.
  const check = checkBackupFile(staging);
  let keptPrevious: string | null = null;
  if (existsSync(target)) {
    // Fold any WAL content into the old file before it is set aside.
    const old = new Database(target);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    keptPrevious = `${target}.before-restore-${opts.clock.now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, keptPrevious);
  }
  for (const ext of ['-wal', '-shm']) rmSync(target + ext, { force: true });
  renameSync(staging, target);
  const db = openDatabase(target, opts);
  try {
    db.transaction(() =>
      new AuditLog(db, opts.clock).append({
        actor: SYSTEM_ACTOR,
        kind: 'db.restored',
        payload: { from: candidate, headOfBackup: check.verify.head },
      }),
    )();
  } finally {
    db.close();
  }
  return { keptPrevious, check };
}
