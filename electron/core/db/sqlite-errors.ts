import { AppError } from '../contract/errors';

/**
 * SQLite failures a person can act on, as codes the UI and CLI translate — never a bare 500 or a
 * stack: a damaged page, a lock held past the busy timeout, a full disk, a read-only file.
 */
export function fromSqliteError(e: unknown): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_NOTADB') return new AppError('db.not_sqlite');
  if (code.startsWith('SQLITE_CORRUPT')) return new AppError('db.damaged');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('db.busy');
  if (code.startsWith('SQLITE_READONLY')) return new AppError('db.read_only');
  if (code === 'SQLITE_FULL') return new AppError('db.disk_full');
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return new AppError('db.io');
  return null;
}

export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
