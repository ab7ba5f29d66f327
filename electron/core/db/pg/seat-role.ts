import type { Sql } from '../sql-port';
import { APPEND_ONLY_TABLES } from './guards';

/**
 * What a seat's database role may do, table by table. Every table: SELECT and INSERT. UPDATE only where
 * the app updates rows today (found by `grep UPDATE`/`ON CONFLICT … DO UPDATE` in electron/core); never on
 * the append-only tables the triggers guard. DELETE only on derived or transient tables the app rebuilds
 * (open deadlines/incidents, the search index) and on PIN state (a reset removes the hash and the
 * failed-attempt counter); never on a record table. The owner role migrates; seats only read its log.
 */
export const SEAT_UPDATE_TABLES = [
  'incidents',
  'calls', // linking a call to an incident, once (calls_only_link)
  'plans',
  'activations',
  'reports',
  'handovers',
  'people',
  'person_pins',
  'roster_assignments',
  'settings',
  'pin_attempts',
  'derived_state',
] as const;

export const SEAT_DELETE_TABLES = [
  'open_deadlines',
  'open_incidents',
  'search_fts',
  'person_pins',
  'pin_attempts',
] as const;

/** The group role seats log in under (docs/postgres.md: one login role per seat, IN ROLE this). */
export const SEAT_GROUP = 'duty_seat';

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain role name: ${name}`);
  return name;
};

/**
 * SQL (run by the owner, after migrating) that creates the seat group if missing and sets its
 * privileges from scratch, so a table added by a later step is covered by running it again.
 */
export function seatRoleSql(group: string = SEAT_GROUP): string {
  const g = ident(group);
  const guarded = new Set<string>(APPEND_ONLY_TABLES);
  for (const t of SEAT_UPDATE_TABLES) if (guarded.has(t)) throw new Error(`${t} is append-only`);
  return `
    DO $do$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${g}') THEN CREATE ROLE ${g} NOLOGIN; END IF;
    END $do$;
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${g};
    GRANT USAGE ON SCHEMA public TO ${g};
    GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO ${g};
    REVOKE INSERT ON schema_migrations FROM ${g};
    GRANT UPDATE ON ${SEAT_UPDATE_TABLES.join(', ')} TO ${g};
    GRANT DELETE ON ${SEAT_DELETE_TABLES.join(', ')} TO ${g};
  `;
}

export async function grantSeatRole(sql: Sql, group: string = SEAT_GROUP): Promise<void> {
  await sql.exec(seatRoleSql(group));
}
