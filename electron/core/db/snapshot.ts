import Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { cacheStatements } from './statement-cache';

/**
 * Runs a long read that yields between slices on its own read-only connection inside one read
 * transaction: WAL gives it a consistent snapshot of the record as it stood when it began, while the
 * main connection keeps serving (and writing) between slices. An in-memory database has no second
 * connection; it reads through the main one.
 */
export async function withSnapshot<T>(ctx: CoreContext, read: (reader: CoreContext) => Promise<T>): Promise<T> {
  const file = ctx.db.name;
  if (!file || file === ':memory:' || ctx.db.memory) return read(ctx);
  const db = cacheStatements(new Database(file, { readonly: true, fileMustExist: true }));
  try {
    db.exec('BEGIN');
    return await read({ ...ctx, db });
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
}
