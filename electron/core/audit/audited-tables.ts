import { incidentTables } from '../incidents/tables';
import { rosterTables } from '../roster/tables';
import { handoverTables } from '../handover/tables';
import { planTables } from '../plans/tables';
import { exportTables } from '../documents/tables';

/**
 * Tables whose every row must match the last audit entry that recorded it. `verify` compares them,
 * so a row changed behind the app's back (e.g. with the sqlite3 shell) is named. Each feature lists
 * its own tables and is added here.
 */
export interface AuditedTable {
  table: string;
  pk: string;
  /** What the chain records of a row, when not the row itself (e.g. a digest instead of a secret). */
  project?: (row: Record<string, unknown>) => Record<string, unknown>;
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

/**
 * Chain heads recorded outside the chain (each handover signature, each issued document — whose printed
 * copy carries the same head). A signature whose entry is gone or
 * has another hash means the chain was rewritten or cut short after it was signed.
 */
export interface AuditAnchor {
  table: string;
  pk: string;
  idColumn: string;
  hashColumn: string;
}

export const AUDIT_ANCHORS: readonly AuditAnchor[] = [
  { table: 'handovers', pk: 'id', idColumn: 'outgoing_audit_id', hashColumn: 'outgoing_audit_hash' },
  { table: 'handovers', pk: 'id', idColumn: 'incoming_audit_id', hashColumn: 'incoming_audit_hash' },
  { table: 'issued_documents', pk: 'id', idColumn: 'chain_head_id', hashColumn: 'chain_head_hash' },
];
