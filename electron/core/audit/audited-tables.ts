import { incidentTables } from '../incidents/tables';
import { rosterTables } from '../roster/tables';
import { handoverTables } from '../handover/tables';
import { planTables } from '../plans/tables';
import { exportTables } from '../exports/tables';

/**
 * Tables whose every row must match the last audit entry that recorded it. `verify` compares them,
 * so a row changed behind the app's back (e.g. with the sqlite3 shell) is named. Each feature lists
 * its own tables and is added here.
 */
export interface AuditedTable {
  table: string;
  pk: string;
}

const foundationTables: AuditedTable[] = [{ table: 'settings', pk: 'key' }];

export const AUDITED_TABLES: readonly AuditedTable[] = [
  ...foundationTables,
  ...incidentTables,
  ...rosterTables,
  ...handoverTables,
  ...planTables,
  ...exportTables,
];

export function auditedTable(name: string): AuditedTable {
  const t = AUDITED_TABLES.find((a) => a.table === name);
  if (!t) throw new Error(`table ${name} is not audited`);
  return t;
}
