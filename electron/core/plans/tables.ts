import type { AuditedTable } from '../audit/audited-tables';

export const planTables: AuditedTable[] = [
  { table: 'plans', pk: 'id' },
  { table: 'plan_versions', pk: 'id' },
  { table: 'activations', pk: 'id' },
  { table: 'activation_events', pk: 'id' },
  { table: 'checklist_items', pk: 'id' },
  { table: 'checklist_marks', pk: 'id' },
];
