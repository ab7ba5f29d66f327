import type Database from 'better-sqlite3';
import { AuditLog } from './audit/chain';
import { appendWitness, witnessFileOf } from './audit/witness';
import type { AuditWitness } from './contract/audit';
import type { Clock } from './db/clock';
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
}

export function createContext(opts: {
  db: Database.Database;
  clock: Clock;
  appVersion: string;
  dataFile: string;
  wiring: CoreWiring;
  actor?: () => string;
}): CoreContext {
  const { db } = opts;
  const audit = new AuditLog(db, opts.clock);
  // A throwaway context (seeding inside a migration, a bench) has no file to witness beside.
  const witnessFile = opts.dataFile && opts.dataFile !== ':memory:' ? witnessFileOf(opts.dataFile) : null;
  return {
    db,
    clock: opts.clock,
    audit,
    appVersion: opts.appVersion,
    dataFile: opts.dataFile,
    wiring: opts.wiring,
    actor: opts.actor ?? (() => operatorName(db) ?? 'unidentified'),
    tx: <T>(fn: () => T) => {
      if (db.inTransaction) return db.transaction(fn)(); // nested: a savepoint in the outer transaction
      audit.takeAppended(); // drop a head a rolled-back transaction left behind
      const out = db.transaction(fn).immediate();
      const head = audit.takeAppended();
      if (head && witnessFile) appendWitness(witnessFile, head);
      return out;
    },
    witness: () => witnessOf(audit),
  };
}

/** For the documents and handover code: the head and count as they stand now. */
export function witnessOf(audit: AuditLog): AuditWitness | null {
  const head = audit.head();
  return head ? { id: head.id, hash: head.hash, entries: head.id } : null;
}
