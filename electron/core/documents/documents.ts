import type { DailyPeriodInput, DocumentFormat, ExportedFile, ExportPreview } from '../contract/documents';
import type { CoreContext } from '../context';
import { findReport } from '../incidents/reports-repo';
import { localParts } from '../domain';
import { getSettings } from '../settings/settings-repo';
import type { DocumentModel } from './blocks';
import { gatherDaily, type DailyData } from './daily-data';
import { dailyDocument, type IssueOptions } from './daily-document';
import { recordDocument } from './document-file';
import { legacyNumber, nextSeq } from './issue-numbers';
import { currentIssue, insertIssue, readFile, storeFile, toIssued, type StoredIssue } from './issue-register';
import { printPdf } from './pdf-printer';
import { incidentPlanHistory } from './plans-source';
import { renderDocx } from './docx-lazily';
import { renderHtml } from './render-html';
import { docNumber, specialDocument } from './special-document';
import { safeFileName } from './wording';

function render(ctx: CoreContext, model: DocumentModel, format: DocumentFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(model) : printPdf(ctx, renderHtml(model));
}

const fileName = (model: DocumentModel, format: DocumentFormat) => safeFileName(`${model.title}.${format}`);

/**
 * The audit chain head the document reflects, in its DOCX properties (and in the register): a copy handed
 * to another office can be matched against the chain without printing hashes on the page.
 */
function withChainHead(model: DocumentModel, head: { id: number; hash: string; entries: number }): DocumentModel {
  return {
    ...model,
    properties: {
      AuditChainHead: head.hash,
      AuditChainHeadEntry: String(head.id),
      AuditChainEntries: String(head.entries),
    },
  };
}

async function chainHead(ctx: CoreContext) {
  const h = await ctx.audit.head();
  return { id: h?.id ?? 0, hash: h?.hash ?? '', entries: h?.id ?? 0 };
}

/**
 * 报送前预览: the draft rendered as the 专报 it becomes, with the send details the officer has filled in
 * (time defaults to now). Nothing is stored; the sent report is rendered from its frozen snapshot.
 */
export async function previewReportDraft(
  ctx: CoreContext,
  input: { id: number; sentAt?: string; recipientUnit?: string; approvingLeader?: string },
): Promise<ExportPreview> {
  const report = await findReport(ctx, input.id);
  if (report.status === 'sent') return previewSpecial(ctx, report.id);
  const sentAt = input.sentAt ?? ctx.clock.now().toISOString();
  const provisional = {
    ...report,
    status: 'sent' as const,
    sentAt,
    recipientUnit: input.recipientUnit ?? report.recipientUnit,
    approvingLeader: input.approvingLeader ?? report.approvingLeader,
  };
  // The number shown is the one the 专报 would take if issued now; nothing is taken.
  const n = await specialNumber(ctx);
  const plans = await incidentPlanHistory(ctx, report.incidentId, sentAt);
  return unissuedSpecial(specialDocument(provisional, await getSettings(ctx), n, plans), n);
}

/**
 * The stored file of an issue in `format`; the first request of a format renders it from the issue's
 * frozen model and keeps it, so every later export of that issue returns the same bytes. Each hand-out
 * is logged with its hash.
 */
export async function issuedFile(ctx: CoreContext, issue: StoredIssue, format: DocumentFormat): Promise<ExportedFile> {
  const stored = await readFile(ctx, issue.row.id, format);
  const bytes = stored?.bytes ?? (await render(ctx, issue.model, format));
  const name = stored?.fileName ?? fileName(issue.model, format);
  return ctx.tx(async (ctx) => {
    if (!stored) {
      // Another export may have stored this format meanwhile: theirs wins, ours is dropped.
      const again = await readFile(ctx, issue.row.id, format);
      if (again) return handOut(ctx, issue, format, again.fileName, again.bytes);
      await storeFile(ctx, issue.row.id, format, name, bytes);
    }
    return handOut(ctx, issue, format, name, bytes);
  });
}

async function handOut(ctx: CoreContext, issue: StoredIssue, format: DocumentFormat, name: string, bytes: Buffer) {
  const file = await recordDocument(ctx, {
    kind: issue.row.kind,
    format,
    subject: { issueId: issue.row.id, year: issue.row.year, seq: issue.row.seq },
    fileName: name,
    bytes,
  });
  return { ...file, issueId: issue.row.id };
}

/** Renders a new issue, then numbers and stores it in one transaction with its audit entries. */
export async function issueNew(
  ctx: CoreContext,
  format: DocumentFormat,
  build: () => Promise<
    { model: DocumentModel; year: number; seq: number } & Omit<
      Parameters<typeof insertIssue>[1],
      'model' | 'head' | 'year' | 'seq'
    >
  >,
): Promise<ExportedFile> {
  const head = await chainHead(ctx);
  const b = await build();
  const model = withChainHead(b.model, head);
  const bytes = await render(ctx, model, format);
  return ctx.tx(async (ctx) => {
    const id = await insertIssue(ctx, { ...b, model, head });
    const name = fileName(model, format);
    await storeFile(ctx, id, format, name, bytes);
    return handOut(
      ctx,
      { row: { id, kind: b.kind, year: b.year, seq: b.seq } as StoredIssue['row'], model, facts: b.facts },
      format,
      name,
      bytes,
    );
  });
}

async function dailyNumber(ctx: CoreContext, d: DailyData) {
  return (
    (await legacyNumber(ctx, d.period)) ?? { year: d.period.year, seq: await nextSeq(ctx, 'daily', d.period.year) }
  );
}

/** What a daily issue covers, kept with it (and what a correction starts from). */
function dailyFacts(d: DailyData, input: DailyPeriodInput) {
  const { distribution: _d, includeSensitive: _s, ...period } = input;
  return {
    period,
    distribution: d.distribution,
    includeSensitive: d.sensitive.filter((s) => s.included).map((s) => s.id),
    incidents: d.incidents.map((x) => x.incident.id),
    instructions: d.instructions.map((i) => i.id),
  };
}

export async function previewDaily(ctx: CoreContext, period: DailyPeriodInput): Promise<ExportPreview> {
  const data = await gatherDaily(ctx, period);
  const issued = await currentIssue(ctx, { kind: 'daily', from: data.period.from, to: data.period.to });
  if (issued) {
    const { year, seq } = issued.row;
    return {
      html: renderHtml(issued.model),
      title: issued.model.title,
      issue: { year, seq, assigned: true },
      missingSections: [],
      issued: await toIssued(ctx, issued),
      sensitive: data.sensitive,
    };
  }
  const n = await dailyNumber(ctx, data);
  const doc = dailyDocument(data, { ...n, assigned: false });
  return {
    html: renderHtml(doc),
    title: doc.title,
    issue: { ...n, assigned: false },
    missingSections: doc.missingSections,
    issued: null,
    sensitive: data.sensitive,
  };
}

export async function exportDaily(
  ctx: CoreContext,
  input: { period: DailyPeriodInput; format: DocumentFormat; preview?: boolean },
): Promise<ExportedFile> {
  const data = await gatherDaily(ctx, input.period);
  if (input.preview) {
    const doc = dailyDocument(data, { ...(await dailyNumber(ctx, data)), assigned: false }, { preview: true });
    const bytes = await render(ctx, doc, input.format);
    const name = fileName({ ...doc, title: `${doc.title}（样稿）` }, input.format);
    return ctx.tx(async (ctx) =>
      recordDocument(ctx, {
        kind: 'daily.preview',
        format: input.format,
        subject: dailyFacts(data, input.period),
        fileName: name,
        bytes,
      }),
    );
  }
  const issued = await currentIssue(ctx, { kind: 'daily', from: data.period.from, to: data.period.to });
  if (issued) return issuedFile(ctx, issued, input.format);
  return issueDaily(ctx, data, input.period, input.format);
}

export function issueDaily(
  ctx: CoreContext,
  data: DailyData,
  period: DailyPeriodInput,
  format: DocumentFormat,
  opts: IssueOptions & { correctsId?: number } = {},
): Promise<ExportedFile> {
  return issueNew(ctx, format, async () => {
    const n = opts.correctsId
      ? { year: data.period.year, seq: await nextSeq(ctx, 'daily', data.period.year) }
      : await dailyNumber(ctx, data);
    return {
      kind: 'daily',
      ...n,
      subject: { kind: 'daily', from: data.period.from, to: data.period.to },
      correctsId: opts.correctsId ?? null,
      correctionReason: opts.corrects?.reason ?? null,
      model: dailyDocument(data, { ...n, assigned: true }, opts),
      facts: dailyFacts(data, period),
    };
  });
}

async function specialModel(
  ctx: CoreContext,
  reportId: number,
  n: { year: number; seq: number },
  opts: IssueOptions = {},
) {
  const report = await findReport(ctx, reportId);
  const plans = report.sentAt ? await incidentPlanHistory(ctx, report.incidentId, report.sentAt) : [];
  return { report, model: specialDocument(report, await getSettings(ctx), n, plans, opts) };
}

/** A 专报 preview not yet issued: the number it would take, nothing stored. */
function unissuedSpecial(model: DocumentModel, n: { year: number; seq: number }): ExportPreview {
  return {
    html: renderHtml(model),
    title: model.title,
    issue: { ...n, assigned: false },
    missingSections: [],
    issued: null,
    sensitive: [],
  };
}

/** 专报 are numbered in the year they are issued (in the duty room's zone). */
async function specialNumber(ctx: CoreContext) {
  const year = localParts(ctx.clock.now(), (await getSettings(ctx)).timeZone).year;
  return { year, seq: await nextSeq(ctx, 'special', year) };
}

export async function previewSpecial(ctx: CoreContext, reportId: number): Promise<ExportPreview> {
  const issued = await currentIssue(ctx, { kind: 'special', reportId });
  if (issued) {
    return {
      html: renderHtml(issued.model),
      title: issued.model.title,
      issue: { year: issued.row.year, seq: issued.row.seq, assigned: true },
      missingSections: [],
      issued: await toIssued(ctx, issued),
      sensitive: [],
    };
  }
  const n = await specialNumber(ctx);
  return unissuedSpecial((await specialModel(ctx, reportId, n)).model, n);
}

export async function exportSpecial(
  ctx: CoreContext,
  input: { reportId: number; format: DocumentFormat; preview?: boolean },
): Promise<ExportedFile> {
  if (input.preview) {
    const { report, model } = await specialModel(ctx, input.reportId, await specialNumber(ctx), { preview: true });
    const bytes = await render(ctx, model, input.format);
    const name = fileName({ ...model, title: `${model.title}（样稿）` }, input.format);
    return ctx.tx(async (ctx) =>
      recordDocument(ctx, {
        kind: 'special.preview',
        format: input.format,
        subject: { reportId: report.id, incidentId: report.incidentId },
        fileName: name,
        bytes,
      }),
    );
  }
  const issued = await currentIssue(ctx, { kind: 'special', reportId: input.reportId });
  if (issued) return issuedFile(ctx, issued, input.format);
  return issueSpecial(ctx, input.reportId, input.format);
}

export function issueSpecial(
  ctx: CoreContext,
  reportId: number,
  format: DocumentFormat,
  opts: IssueOptions & { correctsId?: number } = {},
): Promise<ExportedFile> {
  return issueNew(ctx, format, async () => {
    const n = await specialNumber(ctx);
    const { report, model } = await specialModel(ctx, reportId, n, opts);
    return {
      kind: 'special',
      ...n,
      docNumber: docNumber((await getSettings(ctx)).documentNumberPrefix, n),
      subject: { kind: 'special', reportId },
      correctsId: opts.correctsId ?? null,
      correctionReason: opts.corrects?.reason ?? null,
      model,
      facts: { reportId, incidentId: report.incidentId, kind: report.kind, seq: report.seq },
    };
  });
}
