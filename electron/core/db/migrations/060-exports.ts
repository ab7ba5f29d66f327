import type { Migration } from './types';

export const migration060: Migration = {
  version: 60,
  name: 'exports: daily report issue numbers, export log',
  up: `
    -- 第N期 of the daily report, counted per year. A period keeps its number when exported again; rows are
    -- never updated or deleted, so a number is never reused.
    CREATE TABLE daily_issues (
      id          INTEGER PRIMARY KEY,
      year        INTEGER NOT NULL,
      seq         INTEGER NOT NULL,
      period_from TEXT NOT NULL,
      period_to   TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL,
      UNIQUE (year, seq),
      UNIQUE (period_from, period_to)
    );
    CREATE TRIGGER daily_issues_no_update BEFORE UPDATE ON daily_issues
      BEGIN SELECT RAISE(ABORT, 'issue numbers are never changed'); END;
    CREATE TRIGGER daily_issues_no_delete BEFORE DELETE ON daily_issues
      BEGIN SELECT RAISE(ABORT, 'issue numbers are never reused'); END;

    -- Every file handed out: what, which period or record, and the SHA-256 of its bytes.
    CREATE TABLE export_log (
      id         INTEGER PRIMARY KEY,
      at         TEXT NOT NULL,
      actor      TEXT NOT NULL,
      kind       TEXT NOT NULL,
      format     TEXT NOT NULL,
      subject    TEXT NOT NULL,
      file_name  TEXT NOT NULL,
      sha256     TEXT NOT NULL,
      issue_id   INTEGER REFERENCES daily_issues(id)
    );
    CREATE INDEX export_log_at ON export_log(at DESC);
    CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
      BEGIN SELECT RAISE(ABORT, 'export_log is append-only'); END;
    CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log
      BEGIN SELECT RAISE(ABORT, 'export_log is append-only'); END;
  `,
};
