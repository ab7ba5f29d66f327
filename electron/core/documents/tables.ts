import type { AuditedTable } from '../audit/audited-tables';

export const exportTables: AuditedTable[] = [
  { table: 'daily_issues', pk: 'id' },
  { table: 'export_log', pk: 'id' },
  { table: 'issued_documents', pk: 'id' },
  { table: 'issued_files', pk: 'id' },
];
