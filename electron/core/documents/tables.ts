import type { AuditedTable } from '../audit/audited-tables';

export const exportTables: AuditedTable[] = [
  { table: 'daily_issues', pk: 'id' },
  { table: 'export_log', pk: 'id' },
];
