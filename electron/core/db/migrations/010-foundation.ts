import type { Migration } from './types';

export const migration010: Migration = {
  version: 10,
  name: 'foundation: audit chain and settings',
  up: `
    CREATE TABLE audit_log (
      id        INTEGER PRIMARY KEY,
      ts        TEXT NOT NULL,
      actor     TEXT NOT NULL,
      kind      TEXT NOT NULL,
      ref_table TEXT,
      ref_id    TEXT,
      payload   TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL UNIQUE
    );
    CREATE INDEX audit_log_ref ON audit_log(ref_table, ref_id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
