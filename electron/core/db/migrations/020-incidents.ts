import type { Migration } from './types';
import { appendOnly } from './append-only';

export const migration020: Migration = {
  version: 20,
  name: 'incidents, versions, reports, calls, instructions, deadline rules, search',
  up: `
    -- Current state of each incident (filter columns + canonical facts JSON); history in incident_versions.
    CREATE TABLE incidents (
      id          INTEGER PRIMARY KEY,
      number      TEXT NOT NULL UNIQUE,
      status      TEXT NOT NULL CHECK (status IN ('open','closed','voided')),
      version     INTEGER NOT NULL,
      void_reason TEXT,
      supplementary_due_from TEXT,
      received_at TEXT NOT NULL,
      category    TEXT NOT NULL,
      level       TEXT NOT NULL,
      district    TEXT NOT NULL,
      title       TEXT NOT NULL,
      facts       TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL
    );
    CREATE INDEX incidents_received ON incidents(received_at DESC, id DESC);
    CREATE INDEX incidents_status ON incidents(status, received_at DESC);
    CREATE INDEX incidents_category ON incidents(category, received_at DESC);
    CREATE INDEX incidents_level ON incidents(level, received_at DESC);
    CREATE INDEX incidents_district ON incidents(district, received_at DESC);
    CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents
      BEGIN SELECT RAISE(ABORT, 'incidents are never deleted; void them'); END;

    CREATE TABLE incident_versions (
      id          INTEGER PRIMARY KEY,
      incident_id INTEGER NOT NULL REFERENCES incidents(id),
      version     INTEGER NOT NULL,
      kind        TEXT NOT NULL,
      at          TEXT NOT NULL,
      by          TEXT NOT NULL,
      reason      TEXT,
      status      TEXT NOT NULL,
      facts       TEXT NOT NULL,
      suggested_level TEXT,
      UNIQUE (incident_id, version)
    );
    ${appendOnly('incident_versions')}

    CREATE TABLE reports (
      id              INTEGER PRIMARY KEY,
      incident_id     INTEGER NOT NULL REFERENCES incidents(id),
      kind            TEXT NOT NULL CHECK (kind IN ('initial','followup','final','supplementary')),
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
      updated_at      TEXT NOT NULL
    );
    CREATE INDEX reports_incident ON reports(incident_id, id);
    CREATE INDEX reports_sent ON reports(sent_at);
    CREATE TRIGGER reports_sent_frozen BEFORE UPDATE ON reports WHEN OLD.status = 'sent'
      BEGIN SELECT RAISE(ABORT, 'a sent report is never edited'); END;
    CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
      BEGIN SELECT RAISE(ABORT, 'reports are never deleted'); END;

    CREATE TABLE calls (
      id          INTEGER PRIMARY KEY,
      incident_id INTEGER REFERENCES incidents(id),
      at          TEXT NOT NULL,
      direction   TEXT NOT NULL CHECK (direction IN ('in','out')),
      party       TEXT NOT NULL,
      number      TEXT NOT NULL,
      gist        TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL
    );
    CREATE INDEX calls_at ON calls(at DESC);
    CREATE INDEX calls_incident ON calls(incident_id, at);
    -- A standalone call may later be tied to an incident; nothing else about it changes.
    CREATE TRIGGER calls_only_link BEFORE UPDATE ON calls
      WHEN OLD.incident_id IS NOT NULL OR NEW.at IS NOT OLD.at OR NEW.direction IS NOT OLD.direction
        OR NEW.party IS NOT OLD.party OR NEW.number IS NOT OLD.number OR NEW.gist IS NOT OLD.gist
        OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
      BEGIN SELECT RAISE(ABORT, 'a call record is never edited'); END;
    CREATE TRIGGER calls_no_delete BEFORE DELETE ON calls
      BEGIN SELECT RAISE(ABORT, 'calls are never deleted'); END;

    CREATE TABLE instructions (
      id          INTEGER PRIMARY KEY,
      incident_id INTEGER REFERENCES incidents(id),
      leader      TEXT NOT NULL,
      given_at    TEXT NOT NULL,
      text        TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL
    );
    CREATE INDEX instructions_incident ON instructions(incident_id);
    ${appendOnly('instructions')}

    CREATE TABLE instruction_actions (
      id             INTEGER PRIMARY KEY,
      instruction_id INTEGER NOT NULL REFERENCES instructions(id),
      kind           TEXT NOT NULL CHECK (kind IN ('relay','feedback','completed')),
      at             TEXT NOT NULL,
      party          TEXT NOT NULL,
      text           TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      created_by     TEXT NOT NULL
    );
    CREATE INDEX instruction_actions_instruction ON instruction_actions(instruction_id);
    ${appendOnly('instruction_actions')}

    CREATE TABLE deadline_rule_sets (
      id         INTEGER PRIMARY KEY,
      source     TEXT NOT NULL,
      rules      TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    );
    ${appendOnly('deadline_rule_sets')}

    -- Derived search index (rebuildable, not audited). CJK text is stored as overlapping bigrams so
    -- two-character words match; see core/incidents/search-text.ts.
    CREATE VIRTUAL TABLE search_fts USING fts5(
      text, kind UNINDEXED, ref_id UNINDEXED, incident_id UNINDEXED, at UNINDEXED, title UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `,
};
