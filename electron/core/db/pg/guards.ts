import { APPEND_ONLY_SQLSTATE } from '../postgres-errors';

/**
 * The append-only guards of the SQLite schema (db/migrations/append-only.ts and the steps' own
 * triggers) as PostgreSQL triggers: the same tables, operations, conditions and messages. They fire for
 * every role, the owner included; the seat role (seat-role.ts) withholds the privileges as well. Every
 * refusal raises SQLSTATE 23001, which db/postgres-errors.ts maps to `db.append_only`.
 */

/** Tables no row of which is ever updated or deleted. */
export const APPEND_ONLY_TABLES = [
  'audit_log',
  'incident_versions',
  'instructions',
  'instruction_actions',
  'deadline_rule_sets',
  'plan_versions',
  'activation_events',
  'checklist_items',
  'checklist_marks',
  'roster_changes',
  'operator_sessions',
  'daily_issues',
  'export_log',
  'issued_documents',
  'issued_files',
  'issued_file_bytes',
] as const;

/** Tables whose rows are never deleted but may be updated, some only under a condition (below). */
export const NEVER_DELETED_TABLES = ['incidents', 'calls', 'plans', 'activations', 'handovers', 'reports'] as const;

const ownMessages: Record<string, { update?: string; delete: string }> = {
  daily_issues: { update: 'issue numbers are never changed', delete: 'issue numbers are never reused' },
  incidents: { delete: 'incidents are never deleted; void them' },
  calls: { delete: 'calls are never deleted' },
  plans: { delete: 'plans are never deleted; retire them' },
  activations: { delete: 'activations are never deleted' },
  handovers: { delete: 'handovers are never deleted' },
  reports: { delete: 'reports are never deleted' },
};

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const trigger = (name: string, table: string, when: string, op: string, message: string, cond?: string) =>
  `CREATE TRIGGER ${name} BEFORE ${op} ON ${table} FOR EACH ${when}${cond ? ` WHEN (${cond})` : ''}
      EXECUTE FUNCTION refuse_change(${q(message)});`;

/** SQLite's conditional update guards; `IS NOT` becomes `IS DISTINCT FROM`. */
const distinct = (cols: string[]) => cols.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
const CONDITIONAL = [
  trigger(
    'calls_only_link',
    'calls',
    'ROW',
    'UPDATE',
    'a call record is never edited',
    `OLD.incident_id IS NOT NULL OR ${distinct(['at', 'direction', 'party', 'number', 'gist', 'created_at', 'created_by'])}`,
  ),
  trigger(
    'activations_terminated_frozen',
    'activations',
    'ROW',
    'UPDATE',
    'a terminated response is frozen',
    "OLD.status = 'terminated'",
  ),
  trigger(
    'handovers_frozen',
    'handovers',
    'ROW',
    'UPDATE',
    'handover is signed and frozen',
    `OLD.outgoing_signed_at IS NOT NULL AND (${distinct([
      'date',
      'shift',
      'period_start',
      'period_end',
      'outgoing_person_id',
      'incoming_person_id',
      'leader_person_id',
      'live',
      'notices',
      'equipment',
      'notes',
      'outgoing_signed_at',
      'outgoing_signer',
      'outgoing_audit_id',
      'outgoing_audit_hash',
    ])})`,
  ),
  trigger(
    'handovers_incoming_once',
    'handovers',
    'ROW',
    'UPDATE',
    'handover is signed and frozen',
    `OLD.incoming_signed_at IS NOT NULL AND (${distinct([
      'incoming_signed_at',
      'incoming_signer',
      'incoming_audit_id',
      'incoming_audit_hash',
    ])})`,
  ),
  trigger(
    'handovers_review_once',
    'handovers',
    'ROW',
    'UPDATE',
    'handover is reviewed and frozen',
    'OLD.reviewed_at IS NOT NULL',
  ),
  trigger('reports_sent_frozen', 'reports', 'ROW', 'UPDATE', 'a sent report is never edited', "OLD.status = 'sent'"),
];

function guardsOf(table: string, update: boolean): string[] {
  const own = ownMessages[table];
  const out: string[] = [];
  if (update) out.push(trigger(`${table}_no_update`, table, 'ROW', 'UPDATE', own?.update ?? `${table} is append-only`));
  const del = own?.delete ?? `${table} is append-only`;
  out.push(trigger(`${table}_no_delete`, table, 'ROW', 'DELETE', del));
  // Row triggers do not see TRUNCATE, which SQLite does not have: refused the same way.
  out.push(trigger(`${table}_no_truncate`, table, 'STATEMENT', 'TRUNCATE', del));
  return out;
}

export const BASELINE_GUARDS = `
    CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION USING ERRCODE = '${APPEND_ONLY_SQLSTATE}', MESSAGE = TG_ARGV[0];
    END
    $fn$;
    ${[
      ...APPEND_ONLY_TABLES.flatMap((t) => guardsOf(t, true)),
      ...NEVER_DELETED_TABLES.flatMap((t) => guardsOf(t, false)),
      ...CONDITIONAL,
    ].join('\n    ')}
`;
