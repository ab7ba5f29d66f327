import type { Migration } from './types';
import { SqliteAuditLog } from '../../audit/chain';

/** 'DRTC' in the SQLite header: a file is ours by this mark, not by whatever tables it happens to hold. */
export const APPLICATION_ID = 0x44525443;

export const migration090: Migration = {
  version: 90,
  name: 'integrity: file mark, audited PINs, PIN attempt limits',
  up: (db, env) => {
    db.exec(`
      -- Failed PIN tries per person: the next try waits longer each time, and many in a row lock the PIN.
      CREATE TABLE pin_attempts (
        person_id      INTEGER PRIMARY KEY REFERENCES people(id),
        failures       INTEGER NOT NULL,
        last_failed_at TEXT NOT NULL,
        locked_until   TEXT
      );
    `);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    // From now on the PIN table is audited like every record: start with what it holds today.
    const audit = new SqliteAuditLog(db, env.clock);
    const ids = db.prepare('SELECT person_id FROM person_pins ORDER BY person_id').pluck().all() as number[];
    for (const id of ids) audit.appendRow('system', 'people.pin_baseline', 'person_pins', id);
  },
};
