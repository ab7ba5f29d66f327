import { createContext } from '../../context';
import type { Migration } from './types';

/**
 * The phone report becomes its own entry of the report chain (kind 'phone', pointing at the outgoing
 * call that made it). SQLite cannot widen a CHECK in place, so the reports table is rebuilt with the
 * same rows, triggers and indexes; each existing row is then recorded again in the audit chain, since
 * `verify` compares a row with the last entry that recorded it and the rows gained a column.
 */
const schema = `
  CREATE TABLE reports_070 (
    id              INTEGER PRIMARY KEY,
    incident_id     INTEGER NOT NULL REFERENCES incidents(id),
    kind            TEXT NOT NULL CHECK (kind IN ('phone','initial','followup','final','supplementary')),
    seq             INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft','sent')),
    recipient_unit  TEXT NOT NULL DEFAULT '',
    channel         TEXT,
    approving_leader TEXT,
    sender          TEXT,
    sent_at         TEXT,
    snapshot        TEXT,
    changes         TEXT NOT NULL DEFAULT '',
    aftermath       TEXT NOT NULL DEFAULT '',
    other_notes     TEXT NOT NULL DEFAULT '',
    override_leader TEXT,
    override_reason TEXT,
    missing_fields  TEXT NOT NULL DEFAULT '[]',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    call_id         INTEGER UNIQUE REFERENCES calls(id),
    CHECK ((kind = 'phone') = (call_id IS NOT NULL))
  );
  INSERT INTO reports_070 (id, incident_id, kind, seq, status, recipient_unit, channel, approving_leader, sender,
      sent_at, snapshot, changes, aftermath, other_notes, override_leader, override_reason, missing_fields,
      created_at, created_by, updated_at)
    SELECT id, incident_id, kind, seq, status, recipient_unit, channel, approving_leader, sender,
      sent_at, snapshot, changes, aftermath, other_notes, override_leader, override_reason, missing_fields,
      created_at, created_by, updated_at FROM reports;
  DROP TABLE reports;
  ALTER TABLE reports_070 RENAME TO reports;
  CREATE INDEX reports_incident ON reports(incident_id, id);
  CREATE INDEX reports_sent ON reports(sent_at);
  CREATE TRIGGER reports_sent_frozen BEFORE UPDATE ON reports WHEN OLD.status = 'sent'
    BEGIN SELECT RAISE(ABORT, 'a sent report is never edited'); END;
  CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
    BEGIN SELECT RAISE(ABORT, 'reports are never deleted'); END;
`;

export const migration070: Migration = {
  version: 70,
  name: 'reporting rules: the phone report as an entry of the report chain',
  up: (db, env) => {
    db.exec(schema);
    const ctx = createContext({
      db,
      clock: env.clock,
      appVersion: env.appVersion,
      dataFile: '',
      actor: () => 'system',
    });
    for (const id of db.prepare('SELECT id FROM reports ORDER BY id').pluck().all() as number[]) {
      ctx.audit.appendRow('system', 'report.migrated', 'reports', id);
    }
  },
};
