import type { AuditedTable } from '../audit/audited-tables';

export const handoverTables: AuditedTable[] = [{ table: 'handovers', pk: 'id' }];
