import type { Migration } from './types';

const SIGNED_COLUMNS = [
  'date',
  'shift',
  'period_start',
  'period_end',
  'outgoing_person_id',
  'incoming_person_id',
  'leader_person_id',
  'live',
  'notices',
  'equipment',
  'notes',
  'outgoing_signed_at',
  'outgoing_signer',
  'outgoing_audit_id',
  'outgoing_audit_hash',
];
const changed = (cols: string[]) => cols.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');

export const migration050: Migration = {
  version: 50,
  name: 'handover records',
  up: `
    CREATE TABLE handovers (
      id                  INTEGER PRIMARY KEY,
      date                TEXT NOT NULL,
      shift               TEXT NOT NULL,
      period_start        TEXT NOT NULL,
      period_end          TEXT NOT NULL,
      outgoing_person_id  INTEGER REFERENCES people(id),
      incoming_person_id  INTEGER REFERENCES people(id),
      leader_person_id    INTEGER REFERENCES people(id),
      live                TEXT NOT NULL,
      notices             TEXT NOT NULL DEFAULT '',
      equipment           TEXT NOT NULL,
      notes               TEXT NOT NULL DEFAULT '',
      outgoing_signed_at  TEXT,
      outgoing_signer     TEXT,
      outgoing_audit_id   INTEGER,
      outgoing_audit_hash TEXT,
      incoming_signed_at  TEXT,
      incoming_signer     TEXT,
      incoming_audit_id   INTEGER,
      incoming_audit_hash TEXT,
      reviewed_at         TEXT,
      reviewer            TEXT,
      review_comment      TEXT,
      created_at          TEXT NOT NULL,
      created_by          TEXT NOT NULL,
      updated_at          TEXT NOT NULL,
      UNIQUE (date, shift)
    );
    -- Once the outgoing officer signs, the content is frozen; each signature and the review happen once.
    CREATE TRIGGER handovers_frozen BEFORE UPDATE ON handovers
      WHEN OLD.outgoing_signed_at IS NOT NULL AND (${changed(SIGNED_COLUMNS)})
      BEGIN SELECT RAISE(ABORT, 'handover is signed and frozen'); END;
    CREATE TRIGGER handovers_incoming_once BEFORE UPDATE ON handovers
      WHEN OLD.incoming_signed_at IS NOT NULL
        AND (${changed(['incoming_signed_at', 'incoming_signer', 'incoming_audit_id', 'incoming_audit_hash'])})
      BEGIN SELECT RAISE(ABORT, 'handover is signed and frozen'); END;
    CREATE TRIGGER handovers_review_once BEFORE UPDATE ON handovers
      WHEN OLD.reviewed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'handover is reviewed and frozen'); END;
    CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
      BEGIN SELECT RAISE(ABORT, 'handovers are never deleted'); END;
    CREATE INDEX handovers_period ON handovers(period_start);
  `,
};
