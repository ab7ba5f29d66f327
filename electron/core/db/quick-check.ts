import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../contract/errors';
import { SqliteAuditLog, GENESIS_PREV, entryHash, type AuditRow } from '../audit/chain';
import { scanChain } from '../audit/chain-scan';
import {
  appendWitness,
  lastWitnessHead,
  readCheckpoint,
  witnessFileOf,
  writeCheckpoint,
  writeWitness,
} from '../audit/witness';
import type { Clock } from './clock';
import { APPLICATION_ID } from './migrations/090-integrity';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Before SQLite touches the file: an empty or foreign file must never be taken for a new database. */
export function checkHeader(file: string): void {
  const size = statSync(file).size;
  if (size === 0) throw new AppError('db.empty');
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !header.subarray(0, 16).equals(MAGIC)) throw new AppError('db.not_sqlite');
  // Fixed fields of every SQLite header (page size a power of two, payload fractions 64/32/32).
  const pageSize = header.readUInt16BE(16);
  const pageOk = pageSize === 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) === 0);
  if (!pageOk || header[21] !== 64 || header[22] !== 32 || header[23] !== 32) throw new AppError('db.damaged');
}

/**
 * The quick check at open, fast at any size. 'schema': the file is a duty-room database (our mark,
 * or the tables of one made before the mark). 'chain': the head entry hashes right, the chain from
 * the last verified checkpoint is intact, and the witness's last head is in it.
 */
export function checkAtOpen(db: Database.Database, file: string, step: 'schema' | 'chain', clock?: Clock): void {
  if (step === 'schema') return checkSchema(db);
  checkChainHead(db, file, clock!);
}

function checkSchema(db: Database.Database): void {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (version === 0 && tables.length === 0) throw new AppError('db.empty');
  if (appId !== APPLICATION_ID && appId !== 0) throw new AppError('db.foreign');
  if (version === 0 || !tables.includes('audit_log')) throw new AppError('db.foreign');
}

const broken = (entry: number, kind: string) => new AppError('audit.broken', { entry, kind });

function checkChainHead(db: Database.Database, file: string, clock: Clock): void {
  const last = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditRow | undefined;
  if (!last) throw broken(0, 'empty');
  if (entryHash(last.prev_hash, last) !== last.hash) throw broken(last.id, 'hash_mismatch');
  const byId = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();

  // Incremental: from the last verified entry (or the start, the first time) to the head.
  const cp = readCheckpoint(file);
  let from = 0;
  let prevHash = GENESIS_PREV;
  if (cp && cp.id <= last.id) {
    if (byId.get(cp.id) !== cp.hash) throw broken(cp.id, 'checkpoint_mismatch');
    from = cp.id;
    prevHash = cp.hash;
  }
  let expected = from + 1;
  scanChain(db, from, (id, prev, hash, hashOk) => {
    if (id !== expected) throw broken(id, 'sequence_gap');
    if (prev !== prevHash) throw broken(id, 'prev_mismatch');
    if (!hashOk) throw broken(id, 'hash_mismatch');
    prevHash = hash;
    expected++;
  });

  const witness = witnessFileOf(file);
  const seen = lastWitnessHead(witness);
  if (!existsSync(witness)) {
    // A database from before witnesses, or a witness someone removed: start one, and say so in the chain.
    const head = db
      .transaction(() =>
        new SqliteAuditLog(db, clock).append({
          actor: 'system',
          kind: 'audit.witness_started',
          payload: { reason: 'missing' },
        }),
      )
      .immediate();
    writeWitness(witness, head);
    writeCheckpoint(file, head);
    return;
  }
  if (seen) {
    const found = byId.get(seen.id) as string | undefined;
    if (found === undefined) throw broken(seen.id, 'witness_missing');
    if (found !== seen.hash) throw broken(seen.id, 'witness_mismatch');
  }
  // Entries the witness has not seen yet (a migration just now, or a crash between commit and witness).
  if (!seen || seen.id < last.id) appendWitness(witness, { id: last.id, hash: last.hash });
  writeCheckpoint(file, { id: last.id, hash: last.hash });
}
