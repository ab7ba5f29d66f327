import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { SqliteAuditLog } from '../audit/chain';
import { verifyChain, verifyChainAsync, type VerifyOptions } from '../audit/verify';
import { yieldToOthers } from '../app/progress';
import {
  appendWitness,
  checkpointFileOf,
  lastWitnessHead,
  witnessFileOf,
  writeCheckpoint,
  writeWitness,
} from '../audit/witness';
import { lockHolder } from '../db/host-lock';
import type { Clock } from '../db/clock';
import { LATEST_VERSION } from '../db/migrations';
import { SYSTEM_ACTOR, openDatabase, openReadOnly, schemaVersion } from '../db/open';
import type { AuditHead, VerifyResult } from '../contract/audit';

export interface CandidateCheck {
  integrity: string;
  schemaVersion: number;
  verify: VerifyResult;
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Online backup (SQLite backup API: consistent while the app keeps writing; it copies a hundred pages per
 * turn of the event loop) to a temporary name, then checked — integrity_check and the whole chain, on
 * worker threads when the host has them, so the host keeps answering during a million records' check —
 * and only then renamed into place with its witness beside it. A backup killed half-way, or a copy of a
 * damaged database, never takes the real name.
 */
export async function backupDatabase(
  db: Database.Database,
  outFile: string,
  workers: string | undefined,
): Promise<CandidateCheck> {
  const tmp = `${outFile}.partial-${process.pid}`;
  try {
    await db.backup(tmp);
    fsyncFile(tmp);
    const check = await checkBackupFileAsync(tmp, workers);
    renameSync(tmp, outFile);
    writeWitness(witnessFileOf(outFile), check.verify.head);
    return check;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Checks a backup file without changing it: SQLite integrity, schema version and the audit chain. */
export function checkBackupFile(file: string): CandidateCheck {
  const { db, version } = openCandidate(file);
  try {
    return judged(
      version,
      verifyOrUnreadable(() => verifyChain(db, candidateOptions(file))),
    );
  } finally {
    db.close();
  }
}

/** The same check with its pieces on worker threads (a host's backup: it keeps serving meanwhile). */
async function checkBackupFileAsync(file: string, workers: string | undefined): Promise<CandidateCheck> {
  const { db, version } = openCandidate(file);
  try {
    // One worker: the check is background work, and the host's own thread keeps a core to answer on.
    const verify = await verifyOrUnreadable(() =>
      verifyChainAsync(db, { ...candidateOptions(file), dataFile: file, workers, threads: 1 }, yieldToOthers),
    );
    return judged(version, verify);
  } finally {
    db.close();
  }
}

function openCandidate(file: string): { db: Database.Database; version: number } {
  if (!existsSync(file)) throw new AppError('backup.invalid', { reason: 'missing', file });
  let db: Database.Database;
  try {
    db = openReadOnly(file);
  } catch (e) {
    if (e instanceof AppError && e.code === 'db.newer_than_app') throw e;
    throw new AppError('backup.invalid', { reason: 'not_sqlite', file });
  }
  try {
    const version = schemaVersion(db);
    if (version === 0) throw new AppError('backup.invalid', { reason: 'not_duty_room', file });
    if (version > LATEST_VERSION)
      throw new AppError('db.newer_than_app', { found: version, supported: LATEST_VERSION });
    return { db, version };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Integrity and the chain; the backup's own witness, when it has one, must agree with the chain inside it. */
function candidateOptions(file: string): VerifyOptions {
  const witness = witnessFileOf(file);
  return { full: true, witnesses: existsSync(witness) ? [witness] : [] };
}

/** A file too damaged to read through is reported as such, whatever the reader tripped on. */
function verifyOrUnreadable<T>(run: () => T): T {
  const unreadable = () => new AppError('db.integrity', { detail: 'unreadable' });
  try {
    const out = run();
    return (out instanceof Promise ? out.catch(() => Promise.reject(unreadable())) : out) as T;
  } catch {
    throw unreadable();
  }
}

function judged(version: number, verify: VerifyResult): CandidateCheck {
  if (verify.integrity !== 'ok') throw new AppError('db.integrity', { detail: (verify.integrity ?? '').slice(0, 200) });
  if (!verify.ok) {
    throw new AppError('audit.broken', {
      entry: verify.firstProblem?.entryId ?? 0,
      kind: verify.firstProblem?.kind ?? 'unknown',
    });
  }
  return { integrity: 'ok', schemaVersion: version, verify };
}

export interface RestoreResult {
  keptPrevious: string | null;
  archivedWitness: string | null;
  check: CandidateCheck;
}

/**
 * Replaces the database at `target` with `candidate`, only after the candidate passes every check.
 * The replaced file is moved aside without being opened (it may be truncated or not SQLite at all —
 * the very case a restore is for), its WAL with it. The old witness is archived, its head recorded in
 * the restore entry, and a new witness starts. The app must not have `target` open.
 */
export function restoreDatabase(
  candidate: string,
  target: string,
  opts: { clock: Clock; appVersion: string },
): RestoreResult {
  const holder = lockHolder(`${target}.lock`);
  if (holder !== null) throw new AppError('db.in_use', { pid: holder });
  checkBackupFile(candidate);
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  copyFileSync(candidate, staging);
  fsyncFile(staging);
  // Check the copy that will be used, not just the file it came from.
  const check = checkBackupFile(staging);
  const stamp = opts.clock.now().toISOString().replace(/[:.]/g, '-');
  let keptPrevious: string | null = null;
  if (existsSync(target)) {
    keptPrevious = `${target}.before-restore-${stamp}`;
    renameSync(target, keptPrevious);
  }
  for (const ext of ['-wal', '-shm']) {
    if (existsSync(target + ext)) {
      if (keptPrevious) renameSync(target + ext, keptPrevious + ext);
      else rmSync(target + ext, { force: true });
    }
  }
  const witness = witnessFileOf(target);
  const previousHead: AuditHead | null = lastWitnessHead(witness);
  let archivedWitness: string | null = null;
  if (existsSync(witness)) {
    archivedWitness = `${witness}.before-restore-${stamp}`;
    renameSync(witness, archivedWitness);
  }
  rmSync(checkpointFileOf(target), { force: true });
  renameSync(staging, target);
  const head = check.verify.head;
  writeWitness(witness, head);
  if (head) writeCheckpoint(target, head);
  const db = openDatabase(target, opts);
  try {
    const audit = new SqliteAuditLog(db, opts.clock);
    const entry = db
      .transaction(() =>
        audit.append({
          actor: SYSTEM_ACTOR,
          kind: 'db.restored',
          payload: {
            from: candidate,
            headOfBackup: head,
            previousWitness: archivedWitness ? { file: archivedWitness, head: previousHead } : null,
            keptPrevious,
          },
        }),
      )
      .immediate();
    appendWitness(witness, entry);
  } finally {
    db.close();
  }
  return { keptPrevious, archivedWitness, check };
}
