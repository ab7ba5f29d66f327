import type Database from 'better-sqlite3';
import type { Migration, MigrationEnv } from './types';

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

/** The four sample plans seeded by step 030, and the reporting act that does each reporting item. */
export const SAMPLE_PLANS = ['森林火灾应急预案', '危险化学品事故应急预案', '防汛应急预案', '人员密集场所火灾应急预案'];
export const SATISFIED_BY: Record<string, string> = {
  'report-phone': 'phone',
  written: 'initial',
  followup: 'followup',
};

/** Sorted keys, no spaces: the form plan versions are stored in (frozen here, like the step's data). */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * The sample plans as seeded and never edited since get a version 2 whose reporting items say which act
 * does them (`satisfiedBy`), as the sample plan files now do. A plan the duty room edited is left alone.
 */
function markSampleReportingItems(db: Database.Database, env: MigrationEnv): void {
  const at = env.clock.now().toISOString();
  const plans = db
    .prepare(
      `SELECT p.id, v.doc FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version
       WHERE p.version = 1 AND p.created_by = 'system' AND p.name IN (${SAMPLE_PLANS.map(() => '?').join(',')})`,
    )
    .all(...SAMPLE_PLANS) as { id: number; doc: string }[];
  for (const p of plans) {
    const doc = JSON.parse(p.doc) as { levels: Record<string, { id: string; satisfiedBy?: string }[]> };
    for (const items of Object.values(doc.levels))
      for (const item of items) if (SATISFIED_BY[item.id]) item.satisfiedBy = SATISFIED_BY[item.id];
    const versionId = db
      .prepare(
        `INSERT INTO plan_versions (plan_id, version, doc, created_at, created_by) VALUES (?, 2, ?, ?, 'system')`,
      )
      .run(p.id, canonical(doc), at).lastInsertRowid;
    env.audit.appendRow('system', 'plan.version', 'plan_versions', Number(versionId));
    db.prepare("UPDATE plans SET version = 2, updated_at = ?, updated_by = 'system' WHERE id = ?").run(at, p.id);
    env.audit.appendRow('system', 'plan.update', 'plans', p.id);
  }
}

export const migration070: Migration = {
  version: 70,
  name: 'reporting rules: the phone report as an entry of the report chain; sample plans mark their reporting items',
  up: (db, env) => {
    db.exec(schema);
    for (const id of db.prepare('SELECT id FROM reports ORDER BY id').pluck().all() as number[]) {
      env.audit.appendRow('system', 'report.migrated', 'reports', id);
    }
    markSampleReportingItems(db, env);
  },
};
