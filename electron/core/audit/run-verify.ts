import type { CoreContext } from '../context';
import type { VerifyResult } from '../contract/audit';
import { verifyChain, type VerifyOptions } from './verify';
import { witnessFileOf, writeCheckpoint } from './witness';

/**
 * Verifies the open database against its own witness (and any other given), and on success moves the
 * checkpoint the next start verifies from.
 */
export function verifyDatabase(
  ctx: Pick<CoreContext, 'db' | 'dataFile'>,
  opts: Omit<VerifyOptions, 'witnesses'> & { witnesses?: string[] } = {},
): VerifyResult {
  const result = verifyChain(ctx.db, { ...opts, witnesses: [witnessFileOf(ctx.dataFile), ...(opts.witnesses ?? [])] });
  if (result.ok && result.head && !ctx.db.readonly) writeCheckpoint(ctx.dataFile, result.head);
  return result;
}
