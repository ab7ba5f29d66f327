import type Database from 'better-sqlite3';
import { AuditLog } from './audit/chain';
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
  /** Runs `fn` in one transaction: the change and its audit entry land together or not at all. */
  tx<T>(fn: () => T): T;
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
  return {
    db,
    clock: opts.clock,
    audit: new AuditLog(db, opts.clock),
    appVersion: opts.appVersion,
    dataFile: opts.dataFile,
    wiring: opts.wiring,
    actor: opts.actor ?? (() => operatorName(db) ?? 'unidentified'),
    tx: <T>(fn: () => T) => db.transaction(fn)(),
  };
}
