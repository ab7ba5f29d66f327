import type Database from 'better-sqlite3';
import { AuditLog } from './audit/chain';
import type { Clock } from './db/clock';
import { operatorName } from './roster/operator';

/** What every feature's handlers share: the open database, the clock, the chain and who is acting. */
export interface CoreContext {
  db: Database.Database;
  clock: Clock;
  audit: AuditLog;
  appVersion: string;
  dataFile: string;
  /** The operator every record is attributed to. */
  actor(): string;
  /** Runs `fn` in one transaction: the change and its audit entry land together or not at all. */
  tx<T>(fn: () => T): T;
}

export function createContext(opts: {
  db: Database.Database;
  clock: Clock;
  appVersion: string;
  dataFile: string;
  actor?: () => string;
}): CoreContext {
  const { db } = opts;
  return {
    db,
    clock: opts.clock,
    audit: new AuditLog(db, opts.clock),
    appVersion: opts.appVersion,
    dataFile: opts.dataFile,
    actor: opts.actor ?? (() => operatorName(db) ?? 'unidentified'),
    tx: <T>(fn: () => T) => db.transaction(fn)(),
  };
}
