import { appendOnly } from './append-only';
import type { Migration } from './types';

export const migration080: Migration = {
  version: 80,
  name: 'issued documents: frozen 值班信息 and 专报 with their files',
  up: `
    -- An issued 值班信息 or 专报 is a record: its number, what it covers, the document model every format is
    -- rendered from, and the audit chain head it reflects. A correction is a new row naming the one it
    -- corrects; nothing is ever changed. 第N期 counts per year and kind (daily numbers continue those of
    -- daily_issues, which earlier versions handed out without keeping the file).
    CREATE TABLE issued_documents (
      id                INTEGER PRIMARY KEY,
      kind              TEXT NOT NULL CHECK (kind IN ('daily','special')),
      year              INTEGER NOT NULL,
      seq               INTEGER NOT NULL,
      doc_number        TEXT,
      period_from       TEXT,
      period_to         TEXT,
      report_id         INTEGER REFERENCES reports(id),
      corrects_id       INTEGER REFERENCES issued_documents(id),
      correction_reason TEXT,
      title             TEXT NOT NULL,
      model             TEXT NOT NULL,
      facts             TEXT NOT NULL,
      chain_head_id     INTEGER NOT NULL,
      chain_head_hash   TEXT NOT NULL,
      chain_entries     INTEGER NOT NULL,
      issued_at         TEXT NOT NULL,
      issued_by         TEXT NOT NULL,
      UNIQUE (kind, year, seq),
      CHECK ((kind = 'daily') = (period_from IS NOT NULL AND period_to IS NOT NULL)),
      CHECK ((kind = 'special') = (report_id IS NOT NULL))
    );
    CREATE INDEX issued_documents_period ON issued_documents(period_from, period_to);
    CREATE INDEX issued_documents_report ON issued_documents(report_id);
    ${appendOnly('issued_documents')}

    -- Each format of an issue is rendered once and kept: exporting the issue again returns these bytes.
    CREATE TABLE issued_files (
      id         INTEGER PRIMARY KEY,
      issue_id   INTEGER NOT NULL REFERENCES issued_documents(id),
      format     TEXT NOT NULL CHECK (format IN ('docx','pdf')),
      file_name  TEXT NOT NULL,
      sha256     TEXT NOT NULL,
      size       INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      UNIQUE (issue_id, format)
    );
    ${appendOnly('issued_files')}

    -- The bytes, addressed by their SHA-256. Kept out of the audited row (the chain records the hash, not
    -- megabytes of PDF); a read checks the bytes against the hash the chain recorded.
    CREATE TABLE issued_file_bytes (
      sha256 TEXT PRIMARY KEY,
      bytes  BLOB NOT NULL
    );
    ${appendOnly('issued_file_bytes')}
  `,
};
