import type Database from 'better-sqlite3';
import type { SqliteAuditLog } from '../../audit/chain';
import type { Clock } from '../clock';

export interface Migration {
  /** Integer versions in steps of 10, stored in PRAGMA user_version. */
  version: number;
  name: string;
  /** Plain SQL, or a function for steps that move or seed data (audited with the migration's clock). */
  up: string | ((db: Database.Database, env: MigrationEnv) => void);
}

export interface MigrationEnv {
  clock: Clock;
  appVersion: string;
  /**
   * The chain, for a step that writes records: they are audited like any write. A step never calls
   * feature code (repositories, importers): its data and SQL are frozen in the step's own files.
   */
  audit: SqliteAuditLog;
}
