import { AppError } from '../contract/errors';

/** The SQLSTATE the append-only triggers raise (restrict_violation): nothing else in the schema does. */
export const APPEND_ONLY_SQLSTATE = '23001';

/** Socket-level failures: the server is down, unreachable or the connection dropped mid-query. */
const NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const LOST =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|The server does not support SSL|self[- ]signed certificate|unable to verify the first certificate|Hostname\/IP does not match/i;

/** The statement's verb (after a leading WITH … the lead's CTE writes are rare enough to ignore). */
const writeVerb = (sql: string | undefined) => /^\s*(UPDATE|DELETE)\b/i.exec(sql ?? '')?.[1]?.toUpperCase();

/**
 * PostgreSQL failures a person can act on, as the same kind of codes SQLite's are (db/sqlite-errors.ts):
 * a server that cannot be reached or was lost → `db.unavailable` (the header says so and the seat
 * reconnects); a refused login → `db.login_refused`; an append-only refusal, by trigger or by the seat
 * role's missing UPDATE/DELETE privilege → `db.append_only`. Anything else stays the driver's error.
 */
export function fromPostgresError(e: unknown, sqlText?: string): AppError | null {
  if (e instanceof AppError) return e;
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : '';
  if (code === APPEND_ONLY_SQLSTATE) return withCause(new AppError('db.append_only'), e);
  // insufficient_privilege on an UPDATE/DELETE: the seat role withholds exactly those on record tables.
  if (code === '42501' && writeVerb(sqlText)) return withCause(new AppError('db.append_only'), e);
  if (code === '28P01' || code === '28000') return withCause(new AppError('db.login_refused'), e);
  // Class 08 connection exceptions; 57P01-03 the server shutting down or starting; 53300 too many seats.
  if (code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300' || NET_CODES.has(code))
    return withCause(new AppError('db.unavailable'), e);
  if (!code && LOST.test(message)) return withCause(new AppError('db.unavailable'), e);
  if (code === '40001' || code === '40P01' || code === '55P03') return withCause(new AppError('db.busy'), e);
  if (code === '25006') return withCause(new AppError('db.read_only'), e);
  if (code === '53100') return withCause(new AppError('db.disk_full'), e);
  // Text PostgreSQL cannot hold (a NUL character, 0x00, which SQLite stores): the input's fault, not the app's.
  if (code === '22021' || code === '22P05')
    return withCause(new AppError('validation', { reason: 'unsupported_character' }, []), e);
  return null;
}

function withCause(app: AppError, cause: unknown): AppError {
  Object.defineProperty(app, 'cause', { value: cause, enumerable: false });
  return app;
}
