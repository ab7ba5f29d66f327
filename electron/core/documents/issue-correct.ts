import { AppError } from '../contract/errors';
import type { DailyPeriodInput, ExportedFile } from '../contract/documents';
import type { CoreContext } from '../context';
import { gatherDaily } from './daily-data';
import { issueDaily, issuedFile, issueSpecial } from './documents';
import { findIssue, toIssued } from './issue-register';

export interface CorrectionInput {
  id: number;
  format: 'docx' | 'pdf';
  reason: string;
  distribution?: { bao: string; song: string; fa: string };
  includeSensitive?: number[];
}

/**
 * A correction (更正) is a new issue with the next 期号, naming the one it corrects and why; the corrected
 * issue stays in the register unchanged. A daily correction is gathered again for the same period from
 * today's record, with the issuer's corrected distribution and sensitive choices.
 */
export async function correctIssue(ctx: CoreContext, input: CorrectionInput): Promise<ExportedFile> {
  const old = await findIssue(ctx, input.id);
  if ((await toIssued(ctx, old)).correctedById != null)
    throw new AppError('export.already_corrected', { id: input.id });
  const label = old.row.doc_number ?? `${old.row.year}年第${old.row.seq}期`;
  const opts = { corrects: { label, reason: input.reason }, correctsId: old.row.id };
  if (old.row.kind === 'special') return issueSpecial(ctx, old.row.report_id!, input.format, opts);
  const before = old.facts as {
    period: DailyPeriodInput;
    distribution: { bao: string; song: string; fa: string };
    includeSensitive: number[];
  };
  const period: DailyPeriodInput = {
    ...before.period,
    distribution: input.distribution ?? before.distribution,
    includeSensitive: input.includeSensitive ?? before.includeSensitive,
  };
  return issueDaily(ctx, await gatherDaily(ctx, period), period, input.format, opts);
}

export async function issuedFileById(ctx: CoreContext, id: number, format: 'docx' | 'pdf'): Promise<ExportedFile> {
  return issuedFile(ctx, await findIssue(ctx, id), format);
}
