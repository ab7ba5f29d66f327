import type Database from 'better-sqlite3';

export interface Migration {
  /** Integer versions in steps of 10, stored in PRAGMA user_version. */
  version: number;
  name: string;
  /** Plain SQL, or a function for steps that move data. */
  up: string | ((db: Database.Database) => void);
}
