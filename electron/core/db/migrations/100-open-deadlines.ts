import type { Migration } from './types';

/**
 * Derived tables for the home screen (issue 13): reading every open incident and computing its
 * deadlines on each request took seconds at 100,000 records. Like search_fts they are not audited and
 * can be rebuilt from the record at any time; the core fills them at open (derived_state says for which
 * app version they were built) and keeps them current in every write that changes an incident's deadlines.
 */
export const migration100: Migration = {
  version: 100,
  name: 'open deadlines: maintained table of unmet deadlines and open incidents',
  up: `
    -- Every unmet deadline of each open incident, as the domain's computeDeadlines gives it.
    CREATE TABLE open_deadlines (
      incident_id INTEGER NOT NULL REFERENCES incidents(id),
      kind        TEXT NOT NULL,
      start_at    TEXT NOT NULL,
      due_at      TEXT NOT NULL,
      PRIMARY KEY (incident_id, kind)
    ) WITHOUT ROWID;
    CREATE INDEX open_deadlines_due ON open_deadlines(due_at);

    -- Each open incident and when anything last happened to it (the incident or one of its reports):
    -- those quiet for long are offered for closing instead of crowding the deadline list.
    CREATE TABLE open_incidents (
      incident_id      INTEGER PRIMARY KEY REFERENCES incidents(id),
      last_activity_at TEXT NOT NULL
    );
    CREATE INDEX open_incidents_activity ON open_incidents(last_activity_at);

    -- The log's filters page by (received_at DESC, id DESC): without id in the index SQLite sorted every
    -- match of a filter to find the first 50 (level + district: 300 ms at 100,000 incidents).
    DROP INDEX incidents_status;
    DROP INDEX incidents_category;
    DROP INDEX incidents_level;
    DROP INDEX incidents_district;
    CREATE INDEX incidents_status_page ON incidents(status, received_at DESC, id DESC);
    CREATE INDEX incidents_category_page ON incidents(category, received_at DESC, id DESC);
    CREATE INDEX incidents_level_page ON incidents(level, received_at DESC, id DESC);
    CREATE INDEX incidents_district_page ON incidents(district, received_at DESC, id DESC);

    -- Which build the derived tables were computed by; a different one rebuilds them at open.
    CREATE TABLE derived_state (name TEXT PRIMARY KEY, stamp TEXT NOT NULL);
  `,
};
