import type { Migration } from './types';
import { appendOnly } from './append-only';

export const migration040: Migration = {
  version: 40,
  name: 'roster: people, assignments, changes, operator sessions',
  up: `
    CREATE TABLE people (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      unit       TEXT NOT NULL DEFAULT '',
      title      TEXT NOT NULL DEFAULT '',
      phones     TEXT NOT NULL DEFAULT '[]',
      roles      TEXT NOT NULL DEFAULT '[]',
      active     INTEGER NOT NULL DEFAULT 1,
      deleted_at TEXT,
      updated_at TEXT NOT NULL
    );
    -- PIN hashes stay out of the audited row (the chain records that a PIN was set, never the hash).
    CREATE TABLE person_pins (
      person_id INTEGER PRIMARY KEY REFERENCES people(id),
      pin_hash  TEXT NOT NULL
    );

    -- Every swap, stand-in and hand edit is a row here: the roster is never changed silently.
    CREATE TABLE roster_changes (
      id             INTEGER PRIMARY KEY,
      kind           TEXT NOT NULL CHECK (kind IN ('generate','assign','swap','stand_in')),
      month          TEXT NOT NULL,
      date           TEXT,
      other_date     TEXT,
      role           TEXT,
      from_person_id INTEGER REFERENCES people(id),
      to_person_id   INTEGER REFERENCES people(id),
      reason         TEXT NOT NULL DEFAULT '',
      approver       TEXT NOT NULL DEFAULT '',
      detail         TEXT NOT NULL DEFAULT '{}',
      created_at     TEXT NOT NULL,
      created_by     TEXT NOT NULL
    );
    CREATE INDEX roster_changes_month ON roster_changes(month, id);
    ${appendOnly('roster_changes')}

    CREATE TABLE roster_assignments (
      id         INTEGER PRIMARY KEY,
      date       TEXT NOT NULL,
      shift      TEXT NOT NULL CHECK (shift IN ('full','day','night')),
      role       TEXT NOT NULL CHECK (role IN ('leader','lead','second')),
      slot       INTEGER NOT NULL DEFAULT 0,
      person_id  INTEGER REFERENCES people(id),
      source     TEXT CHECK (source IN ('generated','assign','swap','stand_in')),
      change_id  INTEGER REFERENCES roster_changes(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      UNIQUE (date, shift, role, slot)
    );
    CREATE INDEX roster_assignments_person ON roster_assignments(person_id, date);

    CREATE TABLE operator_sessions (
      id           INTEGER PRIMARY KEY,
      person_id    INTEGER NOT NULL REFERENCES people(id),
      name         TEXT NOT NULL,
      started_at   TEXT NOT NULL,
      pin_verified INTEGER NOT NULL DEFAULT 0
    );
    ${appendOnly('operator_sessions')}
  `,
};
