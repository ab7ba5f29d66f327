import type Database from 'better-sqlite3';
import { AuditLog } from './audit/chain';
import { appendWitness, readCheckpoint, witnessFileOf, writeCheckpoint } from './audit/witness';
import type { AuditHead, AuditWitness } from './contract/audit';
import { AppError } from './contract/errors';
import { changeFeedOf, topicsOf, TouchingAuditLog, type ChangeFeed } from './changes';
import { notifyChanges } from './changes-postgres';
import type { Clock } from './db/clock';
import type { Sql } from './db/sql-port';
import { sqliteHandleOf } from './db/sql-sqlite';
import { operatorName } from './roster/operator';
import type { CoreWiring } from './wiring';

/** What every feature's handlers share: the record, the clock, the chain and who is acting. */
export interface CoreContext {
  /** The record through the query port (SQLite or PostgreSQL); inside `tx`, bound to the transaction. */
  sql: Sql;
  clock: Clock;
  /** The chain, appending through this context's `sql`. */
  audit: AuditLog;
  appVersion: string;
  /** The SQLite file ('' for PostgreSQL or in memory): where the witness and checkpoint live. */
  dataFile: string;
  /** What the host's composition root passed in: other features' adapters and the PDF printer. */
  wiring: CoreWiring;
  /** The operator every record is attributed to. */
  actor(): Promise<string>;
  /**
   * Runs `fn` in one transaction with a context bound to it: the change and its audit entry land together
   * or not at all. Writers queue for the write lock (see Sql.tx). After the commit the new head goes to
   * the witness file. Name the callback's parameter `ctx`, so nothing inside can reach the unbound one.
   */
  tx<T>(fn: (ctx: CoreContext) => Promise<T>): Promise<T>;
  /** The head and entry count to print on an issued document or store with a signature. */
  witness(): Promise<AuditWitness | null>;
  /**
   * A value derived from rarely-changed rows (settings, the operator on duty), kept until those tables
   * change on this connection or another connection commits, so a write does not re-read them.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Committed changes of this record, from this seat and (on PostgreSQL) every other one. */
  changes: ChangeFeed;
}

export function createContext(opts: {
  sql: Sql;
  clock: Clock;
  appVersion: string;
  dataFile: string;
  wiring: CoreWiring;
  actor?: () => Promise<string>;
}): CoreContext {
  // A throwaway context (seeding inside a migration, a bench) has no file to witness beside.
  const witnessFile = opts.dataFile && opts.dataFile !== ':memory:' ? witnessFileOf(opts.dataFile) : null;
  const memos = new Map<string, Promise<unknown>>();
  const changes = changeFeedOf(opts.sql);
  const handle = sqliteHandleOf(opts.sql);
  const generation = handle ? watchMemoSources(handle) : () => null;
  let seen: unknown = null;
  const memo = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const g = generation();
    if (g === null || g !== seen) {
      memos.clear();
      seen = g;
    }
    if (g === null) return compute();
    if (!memos.has(key)) {
      const value = compute();
      memos.set(key, value);
      // A failed read is not remembered: the next caller tries again.
      void value.catch(() => memos.delete(key));
    }
    return memos.get(key) as Promise<T>;
  };
  const bind = (sql: Sql, audit: AuditLog): CoreContext => {
    const ctx: CoreContext = {
      sql,
      clock: opts.clock,
      audit,
      appVersion: opts.appVersion,
      dataFile: opts.dataFile,
      wiring: opts.wiring,
      actor: opts.actor ?? (() => memo('actor', async () => (await operatorName(sql)) ?? 'unidentified')),
      tx: <T>(fn: (ctx: CoreContext) => Promise<T>): Promise<T> => {
        if (sql.inTransaction) return sql.tx(() => fn(ctx)); // nested: a savepoint in the outer transaction
        // A seat that lost the shared server refuses at once (no write queued up to land unseen later).
        if (changes.lost) return Promise.reject(new AppError('db.unavailable'));
        let start: AuditHead | null = null;
        let bound: TouchingAuditLog | null = null;
        return sql
          .tx(async (txSql) => {
            bound = new TouchingAuditLog(txSql, opts.clock);
            if (witnessFile) start = await bound.head();
            const out = await fn(bind(txSql, bound));
            // PostgreSQL delivers it on commit to every seat; a rollback sends nothing.
            if (txSql.engine === 'postgres' && bound.touched.size) await notifyChanges(txSql, topicsOf(bound.touched));
            return out;
          })
          .then((out) => {
            const head = bound?.takeAppended();
            if (head && witnessFile) {
              appendWitness(witnessFile, head);
              advanceCheckpoint(opts.dataFile, start, head);
            }
            if (sql.engine === 'sqlite' && bound?.touched.size) changes.emit(topicsOf(bound.touched));
            return out;
          });
      },
      witness: () => witnessOf(audit),
      memo,
      changes,
    };
    return ctx;
  };
  return bind(opts.sql, new AuditLog(opts.sql, opts.clock));
}

/**
 * Entries this connection appended on top of the last verified head are good by construction (the
 * transaction held the write lock from that head on), so the checkpoint moves with them and the next
 * start's incremental check covers only what happened while the app was closed, not a year of imports.
 * A head written by anyone else in between leaves the checkpoint where it was.
 */
function advanceCheckpoint(dataFile: string, start: AuditHead | null, head: AuditHead): void {
  try {
    const cp = readCheckpoint(dataFile);
    if (cp && start && cp.id === start.id && cp.hash === start.hash) writeCheckpoint(dataFile, head);
  } catch {
    // The write is committed; a checkpoint left behind only means a longer check at the next start.
  }
}

/** Tables whose rows memoised values are derived from. */
const MEMO_SOURCES = ['settings', 'operator_sessions', 'deadline_rule_sets'];

/**
 * A token that changes whenever a memo source may have changed: temp triggers (this connection only)
 * call a counter on any write to those tables (a JS counter, so a rolled-back write still counts), and
 * data_version moves when another connection commits. Null when it cannot be watched (a read-only
 * connection): then nothing is memoised.
 */
interface Watcher {
  writes: number;
  watched: Set<string>;
}
const watchers = new WeakMap<Database.Database, Watcher>();

function watchMemoSources(db: Database.Database): () => string | null {
  // A context made inside a migration's transaction could lose its triggers to a rollback.
  if (db.inTransaction || db.readonly) return () => null;
  let w = watchers.get(db);
  try {
    if (!w) {
      const created: Watcher = { writes: 0, watched: new Set() };
      db.function('memo_source_written', () => ++created.writes);
      watchers.set(db, (w = created));
    }
    const tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const t of MEMO_SOURCES.filter((name) => tables.includes(name) && !w!.watched.has(name))) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE'])
        db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS memo_${t}_${op.toLowerCase()} AFTER ${op} ON main.${t}
                 BEGIN SELECT memo_source_written(); END`);
      w.watched.add(t);
    }
  } catch {
    return () => null;
  }
  const watcher = w;
  const version = db.prepare('SELECT data_version FROM pragma_data_version()');
  return () => `${watcher.writes}:${version.pluck().get() as number}`;
}

/** For the documents and handover code: the head and count as they stand now. */
export async function witnessOf(audit: AuditLog): Promise<AuditWitness | null> {
  const head = await audit.head();
  return head ? { id: head.id, hash: head.hash, entries: head.id } : null;
}
