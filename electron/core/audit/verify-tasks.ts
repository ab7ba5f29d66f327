import type Database from 'better-sqlite3';
import type { AuditProblem } from '../contract/audit';
import { AUDITED_TABLES } from './audited-tables';
import type { PieceEnds } from './chain-links';
import { hashIsRight, sqliteChainReader } from './chain-scan';
import { goneRows, suspectRows } from './row-check';

/**
 * verify's work cut into independent pieces, each answerable from the database alone: any thread with
 * its own read-only connection can take any of them, in any order (app/worker-pool.ts). Each entry's hash
 * depends only on its own stored link and body; its link must equal the hash of the entry before,
 * checked inside the piece here and where pieces meet by joinPieces (chain-links.ts).
 */
export type VerifyTask =
  /** Recompute every entry's hash in (afterId, untilId] from its own stored link and body. */
  | { kind: 'hashes'; afterId: number; untilId: number }
  /** Compare a table's rows with rowid in (lo, hi] with the entries that last recorded them. */
  | { kind: 'rows'; table: string; lo: number; hi: number }
  /** Entries about rows the table no longer has. */
  | { kind: 'gone'; table: string }
  /** SQLite's page-level integrity_check (verify --full, a backup's check): a piece of its own, so that on a
   * host a worker reads every page while the host keeps serving. */
  | { kind: 'integrity' };

export interface TaskResult extends PieceEnds {
  problems: AuditProblem[];
  /** Entries or rows gone through, for progress. */
  done: number;
  /** The integrity piece's answer ('ok', or what SQLite found). */
  integrity?: string;
}

export const SLICE = 20_000;

export function runTask(db: Database.Database, task: VerifyTask): TaskResult {
  if (task.kind === 'integrity') {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return { problems: [], done: 0, integrity: rows.map((r) => r.integrity_check).join('; ') };
  }
  if (task.kind === 'hashes') {
    const reader = sqliteChainReader(db);
    const problems: AuditProblem[] = [];
    let done = 0;
    let first: PieceEnds['first'];
    let lastId = 0;
    let lastHash = '';
    for (const [id, prev, hash, bytes] of reader.hashedRange(task.afterId, task.untilId)) {
      // Ids and links inside the piece; where pieces meet is joinPieces'.
      if (done++ === 0) first = { id, prev };
      else {
        if (id !== lastId + 1) problems.push({ kind: 'sequence_gap', entryId: id });
        if (prev !== lastHash) problems.push({ kind: 'prev_mismatch', entryId: id });
      }
      if (!hashIsRight(reader, id, hash, bytes)) problems.push({ kind: 'hash_mismatch', entryId: id });
      lastId = id;
      lastHash = hash;
    }
    return { problems, done, first, last: first && { id: lastId, hash: lastHash } };
  }
  const table = AUDITED_TABLES.find((t) => t.table === task.table);
  if (!table) throw new Error(`table ${task.table} is not audited`);
  if (task.kind === 'gone') return { problems: goneRows(db, table), done: 0 };
  return { problems: suspectRows(db, table, task.lo, task.hi), done: task.hi - task.lo };
}

function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/**
 * Every piece of the chain's hashes up to `untilId`, then every audited table's rows (a table an older
 * backup does not have yet is skipped), in slices of 20,000: the unit of progress and of sharing out.
 * With `threads` > 1 a short chain is still cut in as many pieces, so every thread has a share.
 */
export function planTasks(
  db: Database.Database,
  untilId: number,
  threads: number,
  full = false,
): { tasks: VerifyTask[]; rows: number } {
  // The integrity check first: the longest single piece, so one thread takes it while others share the rest.
  const tasks: VerifyTask[] = full ? [{ kind: 'integrity' }] : [];
  const step = Math.max(1, Math.min(SLICE, Math.ceil(untilId / threads)));
  for (let after = 0; after < untilId; after += step)
    tasks.push({ kind: 'hashes', afterId: after, untilId: Math.min(after + step, untilId) });
  let rows = 0;
  for (const t of AUDITED_TABLES) {
    if (!tableExists(db, t.table)) continue;
    const maxRowid = (db.prepare(`SELECT max(rowid) FROM ${t.table}`).pluck().get() as number | null) ?? 0;
    for (let lo = 0; lo < maxRowid; lo += SLICE)
      tasks.push({ kind: 'rows', table: t.table, lo, hi: Math.min(lo + SLICE, maxRowid) });
    tasks.push({ kind: 'gone', table: t.table });
    rows += maxRowid;
  }
  return { tasks, rows };
}
