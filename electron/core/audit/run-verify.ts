import type Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { sqliteHandleOf } from '../db/sql-sqlite';
import type { CoreContext } from '../context';
import type { VerifyResult } from '../contract/audit';
import { startOperation, yieldToOthers } from '../app/progress';
import { verifyChain, verifyChainAsync, type VerifyOptions } from './verify';
import { verifyOverPort } from './verify-port';
import { witnessFileOf, writeCheckpoint } from './witness';

type Options = Omit<VerifyOptions, 'witnesses'> & { witnesses?: string[] };

/**
 * Verifies the open database against its own witness (and any other given), and on success moves the
 * checkpoint the next start verifies from.
 */
export function verifyDatabase(ctx: { db: Database.Database; dataFile: string }, opts: Options = {}): VerifyResult {
  const result = verifyChain(ctx.db, { ...opts, witnesses: [witnessFileOf(ctx.dataFile), ...(opts.witnesses ?? [])] });
  if (result.ok && result.head && !ctx.db.readonly) writeCheckpoint(ctx.dataFile, result.head);
  return result;
}

/**
 * The same for `audit.verify` on a host: a million entries take seconds, so the work runs on worker
 * threads (or in slices) while other requests get through, and reports how far it is through
 * `app.progress` (the CLI's progress line and the UI read the same numbers).
 */
export async function verifyDatabaseAsync(ctx: CoreContext, opts: Options = {}): Promise<VerifyResult> {
  const db = sqliteHandleOf(ctx.sql);
  if (!db) return verifyOnServer(ctx);
  const op = startOperation(ctx, 'audit.verify', 0);
  try {
    const result = await verifyChainAsync(
      db,
      {
        ...opts,
        dataFile: ctx.dataFile,
        workers: ctx.wiring.workers,
        witnesses: [witnessFileOf(ctx.dataFile), ...(opts.witnesses ?? [])],
        onProgress: (done, total) => op.progress(done, total),
      },
      yieldToOthers,
    );
    if (result.ok && result.head && !db.readonly) writeCheckpoint(ctx.dataFile, result.head);
    return result;
  } finally {
    op.end();
  }
}

/** A shared database: read through the port in pages on this thread (verify-port.ts), with progress. */
async function verifyOnServer(ctx: CoreContext): Promise<VerifyResult> {
  if (ctx.sql.engine !== 'postgres') throw new AppError('db.not_on_server', { operation: 'verify' });
  const op = startOperation(ctx, 'audit.verify', 0);
  try {
    return await verifyOverPort(ctx.sql, (done, total) => op.progress(done, total));
  } finally {
    op.end();
  }
}
