import type { AuditedTable } from '../audit/audited-tables';

export const rosterTables: AuditedTable[] = [
  { table: 'people', pk: 'id' },
  { table: 'roster_changes', pk: 'id' },
  { table: 'roster_assignments', pk: 'id' },
  { table: 'operator_sessions', pk: 'id' },
];
