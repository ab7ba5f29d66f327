import type Database from 'better-sqlite3';
import { AuditLog } from './audit/chain';
import { appendWitness, readCheckpoint, witnessFileOf, writeCheckpoint } from './audit/witness';
import type { AuditHead, AuditWitness } from './contract/audit';
import type { Clock } from './db/clock';
import { cacheStatements } from './db/statement-cache';
import { operatorName } from './roster/operator';
import type { CoreWiring } from './wiring';

/** What every feature's handlers share: the open database, the clock, the chain and who is acting. */
export interface CoreContext {
  db: Database.Database;
  clock: Clock;
  audit: AuditLog;
  appVersion: string;
  dataFile: string;
  /** What the host's composition root passed in: other features' adapters and the PDF printer. */
  wiring: CoreWiring;
  /** The operator every record is attributed to. */
  actor(): string;
  /**
   * Runs `fn` in one transaction: the change and its audit entry land together or not at all. It begins
   * IMMEDIATE (takes the write lock first, waiting up to busy_timeout), so two writers queue instead of
   * one failing with "database is locked" when its read turns into a write. After the commit the new
   * head goes to the witness file.
   */
  tx<T>(fn: () => T): T;
  /** The head and entry count to print on an issued document or store with a signature. */
  witness(): AuditWitness | null;
  /**
   * A value derived from rarely-changed rows (settings, the operator on duty), kept until those tables
   * change on this connection or another connection commits, so a write does not re-read them.
   */
  memo<T>(key: string, compute: () => T): T;
}

export function createContext(opts: {
  db: Database.Database;
  clock: Clock;
  appVersion: string;
  dataFile: string;
  wiring: CoreWiring;
  actor?: () => string;
}): CoreContext {
  const db = cacheStatements(opts.db);
  const audit = new AuditLog(db, opts.clock);
  // A throwaway context (seeding inside a migration, a bench) has no file to witness beside.
  const witnessFile = opts.dataFile && opts.dataFile !== ':memory:' ? witnessFileOf(opts.dataFile) : null;
  const memos = new Map<string, unknown>();
  const generation = watchMemoSources(db);
  let seen: unknown = null;
  const ctx: CoreContext = {
    db,
    clock: opts.clock,
    audit,
    appVersion: opts.appVersion,
    dataFile: opts.dataFile,
    wiring: opts.wiring,
    actor: opts.actor ?? (() => ctx.memo('actor', () => operatorName(db) ?? 'unidentified')),
    tx: <T>(fn: () => T) => {
      if (db.inTransaction) return db.transaction(fn)(); // nested: a savepoint in the outer transaction
      audit.takeAppended(); // drop a head a rolled-back transaction left behind
      let start: AuditHead | null = null;
      const out = db
        .transaction(() => {
          if (witnessFile) start = audit.head();
          return fn();
        })
        .immediate();
      const head = audit.takeAppended();
      if (head && witnessFile) {
        appendWitness(witnessFile, head);
        advanceCheckpoint(opts.dataFile, start, head);
      }
      return out;
    },
    witness: () => witnessOf(audit),
    memo<T>(key: string, compute: () => T): T {
      const g = generation();
      if (g === null || g !== seen) {
        memos.clear();
        seen = g;
      }
      if (g === null) return compute();
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
  return ctx;
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
export function witnessOf(audit: AuditLog): AuditWitness | null {
  const head = audit.head();
  return head ? { id: head.id, hash: head.hash, entries: head.id } : null;
}
