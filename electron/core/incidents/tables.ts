import type { AuditedTable } from '../audit/audited-tables';

export const incidentTables: AuditedTable[] = [
  { table: 'incidents', pk: 'id' },
  { table: 'incident_versions', pk: 'id' },
  { table: 'reports', pk: 'id' },
  { table: 'calls', pk: 'id' },
  { table: 'instructions', pk: 'id' },
  { table: 'instruction_actions', pk: 'id' },
  { table: 'deadline_rule_sets', pk: 'id' },
];
