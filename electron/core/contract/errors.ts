import { ROSTER_ERROR_CODES } from './roster';
import { HANDOVER_ERROR_CODES } from './handover';

/**
 * Errors cross every boundary (IPC, HTTP, CLI) as a stable code plus parameters; the renderer turns the
 * code into text with i18n key `errors.<code>`. Never put translated text here.
 */
export const ERROR_CODES = [
  'validation',
  'unknown_method',
  'unauthorized',
  'not_found',
  'conflict',
  'internal',
  'db.newer_than_app',
  'db.integrity',
  'db.in_use',
  'db.empty',
  'db.not_sqlite',
  'db.foreign',
  'db.damaged',
  'db.missing',
  'db.busy',
  'db.read_only',
  'db.disk_full',
  'db.io',
  'db.not_on_server',
  'db.unavailable',
  'db.unreachable',
  'db.login_refused',
  'db.append_only',
  'db.bad_url',
  'db.schema_behind',
  'db.no_write_privilege',
  'db.target_not_empty',
  'db.copy_mismatch',
  'host.busy',
  'operator.pin_locked',
  'operator.pin_too_short',
  'operator.pin_reset_denied',
  'operator.pin_tampered',
  'audit.broken',
  'backup.invalid',
  'settings.unknown_time_zone',
  'incident.voided',
  'incident.no_changes',
  'incident.import_invalid',
  'report.order',
  'report.not_draft',
  'report.draft_exists',
  'report.missing_fields',
  'report.out_of_order',
  'call.already_linked',
  ...ROSTER_ERROR_CODES,
  ...HANDOVER_ERROR_CODES,
  'plan.retired',
  'plan.import_invalid',
  'plan.already_active',
  'activation.terminated',
  'checklist.terminated',
  'checklist.already_done',
  'export.report_not_sent',
  'export.pdf_unavailable',
  'export.file_damaged',
  'export.already_corrected',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field problem, with an i18n key under `errors.field.` and the values the message needs. */
export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorShape {
  code: ErrorCode;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly issues?: FieldIssue[];
  constructor(code: ErrorCode, params?: Record<string, string | number>, issues?: FieldIssue[]) {
    super(`${code}${params ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.issues = issues;
  }
  toJSON(): ApiErrorShape {
    return { code: this.code, params: this.params, issues: this.issues };
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function isApiErrorShape(x: unknown): x is ApiErrorShape {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((x as { code: string }).code)
  );
}
