import { AppError } from '../contract/errors';
import type { DailyPeriodInput, DocumentFormat, ExportedFile, ExportPreview } from '../contract/documents';
import type { CoreContext } from '../context';
import { findReport } from '../incidents/reports-repo';
import { getSettings } from '../settings/settings-repo';
import type { DocumentModel } from './blocks';
import { gatherDaily } from './daily-data';
import { dailyDocument } from './daily-document';
import { recordDocument, type DocumentRecord } from './document-file';
import { peekIssue, takeIssue } from './issue-numbers';
import { printPdf } from './pdf-printer';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { specialDocument } from './special-document';
import { safeFileName } from './wording';

function render(ctx: CoreContext, model: DocumentModel, format: DocumentFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(model) : printPdf(ctx, renderHtml(model));
}

export function previewDaily(ctx: CoreContext, period: DailyPeriodInput): ExportPreview {
  const data = gatherDaily(ctx, period);
  const issue = peekIssue(ctx, data.period);
  const doc = dailyDocument(data, issue);
  return { html: renderHtml(doc), title: doc.title, issue, missingSections: doc.missingSections };
}

export function previewSpecial(ctx: CoreContext, reportId: number): ExportPreview {
  const doc = specialDocument(findReport(ctx, reportId), getSettings(ctx));
  return { html: renderHtml(doc), title: doc.title, issue: null, missingSections: [] };
}

/**
 * The file is rendered before the transaction (docx and PDF printing are async); the number it carries
 * is peeked, then taken inside the transaction — a second export racing in between would see the
 * period's row and keep the same number, so the printed number always matches the stored one.
 */
export async function exportDaily(
  ctx: CoreContext,
  input: { period: DailyPeriodInput; format: DocumentFormat },
): Promise<ExportedFile> {
  const data = gatherDaily(ctx, input.period);
  const issue = peekIssue(ctx, data.period);
  const doc = dailyDocument(data, issue);
  const bytes = await render(ctx, doc, input.format);
  return ctx.tx(() => {
    const taken = takeIssue(ctx, data.period);
    if (taken.seq !== issue.seq) throw new AppError('conflict', { entity: 'daily_issue' });
    const rec: DocumentRecord = {
      kind: 'daily',
      format: input.format,
      subject: { from: data.period.from, to: data.period.to, issue: `${taken.year}-${taken.seq}` },
      fileName: safeFileName(`${doc.title}.${input.format}`),
      bytes,
      issueId: taken.id,
    };
    return recordDocument(ctx, rec);
  });
}

export async function exportSpecial(
  ctx: CoreContext,
  input: { reportId: number; format: DocumentFormat },
): Promise<ExportedFile> {
  const report = findReport(ctx, input.reportId);
  const doc = specialDocument(report, getSettings(ctx));
  const bytes = await render(ctx, doc, input.format);
  return ctx.tx(() =>
    recordDocument(ctx, {
      kind: 'special',
      format: input.format,
      subject: { reportId: report.id, incidentId: report.incidentId, kind: report.kind, seq: report.seq },
      fileName: safeFileName(`${doc.title}.${input.format}`),
      bytes,
    }),
  );
}
