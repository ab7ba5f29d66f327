import { z } from 'zod';
import { method } from './define';
import { isoInstant, localDateSchema, monthSchema } from './calendar';

/** 'YYYY-MM-DD', a calendar day in the duty room's zone (one that exists: no 2024-02-31). */
export const exportDaySchema = localDateSchema;

const line = z.string().trim().max(300);

/** 报 (up) · 送 (sideways) · 发 (down): the distribution lines printed in the 版记. */
export const distributionSchema = z
  .object({ bao: line.default(''), song: line.default(''), fa: line.default('') })
  .strict();
export type Distribution = z.infer<typeof distributionSchema>;

/**
 * The period of a daily report, exactly one of: `date`, the duty shift that starts on that day (08:30 to
 * 08:30 by default, from the roster's shift model); `day`, the calendar day in the zone; `from`/`to`,
 * explicit instants. `includeSensitive` names sensitive incidents the issuer chose to carry in an issue
 * with a 发 (downward) line, which otherwise leaves them out.
 */
export const dailyPeriodSchema = z
  .object({
    date: exportDaySchema.optional(),
    day: exportDaySchema.optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    distribution: distributionSchema.optional(),
    includeSensitive: z.array(z.number().int().positive()).max(200).optional(),
  })
  .strict()
  .refine(
    (p) =>
      [p.date, p.day, p.from ?? p.to].filter((x) => x !== undefined).length === 1 &&
      (p.from === undefined) === (p.to === undefined) &&
      (p.from === undefined || Date.parse(p.from) < Date.parse(p.to!)),
    { params: { code: 'invalid_period' }, path: ['date'] },
  );
export type DailyPeriodInput = z.input<typeof dailyPeriodSchema>;

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * Exporting issues the document (number, stored file, audit entry) unless it is already issued, in which
 * case the stored bytes come back; `preview: true` renders a draft marked 样稿 and never issues.
 */
export const dailyReportSchema = z
  .object({ period: dailyPeriodSchema, format: z.enum(DOCUMENT_FORMATS), preview: z.boolean().optional() })
  .strict();
export const specialReportSchema = z
  .object({
    reportId: z.number().int().positive(),
    format: z.enum(DOCUMENT_FORMATS),
    preview: z.boolean().optional(),
  })
  .strict();
const issueId = z.number().int().positive();
export const issuedListSchema = z
  .object({ kind: z.enum(['daily', 'special']).optional(), limit: z.number().int().min(1).max(500).optional() })
  .strict();
export const issuedFileSchema = z.object({ id: issueId, format: z.enum(DOCUMENT_FORMATS) }).strict();
/**
 * A correction is a new issue (new 期号) of the same period or report, marked 更正 and naming the one it
 * corrects; `period` carries the corrected options of a daily issue (distribution, sensitive incidents).
 */
export const issueCorrectionSchema = z
  .object({
    id: issueId,
    format: z.enum(DOCUMENT_FORMATS),
    reason: z.string().trim().min(1).max(500),
    distribution: distributionSchema.optional(),
    includeSensitive: z.array(z.number().int().positive()).max(200).optional(),
  })
  .strict();
export const logExportSchema = z
  .object({ from: exportDaySchema, to: exportDaySchema, format: z.enum(['xlsx', 'csv']) })
  .strict()
  .refine((p) => p.from <= p.to, { params: { code: 'invalid_period' }, path: ['to'] });

/** 'YYYY-MM' */
export const exportMonthSchema = monthSchema;
export const rosterExportSchema = z.object({ month: exportMonthSchema, format: z.enum(['xlsx', 'docx']) }).strict();

export const previewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), period: dailyPeriodSchema }).strict(),
  z.object({ kind: z.literal('special'), reportId: z.number().int().positive() }).strict(),
]);
export type PreviewInput = z.input<typeof previewSchema>;

/** A produced file, as every export method returns it. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  /** SHA-256 of the file's bytes, also written to the audit chain. */
  sha256: string;
  /** The issue the file belongs to (null for a preview, a log or a roster). */
  issueId?: number | null;
}

/**
 * A file too big to pass through the API as base64 (the log of 100,000 incidents): written as it was
 * produced into the downloads folder beside the database, and named here; each host hands it over its
 * own way (GET /download/<name> on the web host, a copy to the save dialog's path in Electron, to --out
 * in the CLI).
 */
export interface PreparedFile {
  fileName: string;
  mimeType: string;
  download: string;
  sha256: string;
}

export interface DailyIssue {
  year: number;
  seq: number;
  /** False in a preview of a period that has no number yet: the number it would get. */
  assigned: boolean;
}

/** One row of the issue register (报表 → 已签发). */
export interface IssuedDocument {
  id: number;
  kind: 'daily' | 'special';
  year: number;
  seq: number;
  /** 专报: 市值专〔2026〕5号. */
  docNumber: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  reportId: number | null;
  title: string;
  correctsId: number | null;
  /** The issue that corrects this one, if any: re-exports then serve the correction. */
  correctedById: number | null;
  correctionReason: string | null;
  issuedAt: string;
  issuedBy: string;
  chainHeadHash: string;
  chainEntries: number;
  files: { format: DocumentFormat; fileName: string; sha256: string; size: number }[];
}

/** A sensitive incident of the period, so the issuer can choose to carry it. */
export interface SensitiveIncident {
  id: number;
  number: string;
  title: string;
  included: boolean;
}

export interface ExportPreview {
  /** The same HTML that becomes the PDF. */
  html: string;
  title: string;
  issue: DailyIssue | null;
  /** Sections left out because their data source is not available (i18n keys under reports.missing). */
  missingSections: string[];
  /** The issue already made of this period or report: exporting returns its stored file. */
  issued: IssuedDocument | null;
  sensitive: SensitiveIncident[];
}

/** A report draft as it would go up with these send details, before it is marked sent. */
export const reportPreviewSchema = z
  .object({
    id: z.number().int().positive(),
    sentAt: isoInstant.optional(),
    recipientUnit: z.string().trim().max(100).optional(),
    approvingLeader: z.string().trim().max(50).optional(),
  })
  .strict();

export const documentMethods = {
  'exports.preview': method<ExportPreview>()(previewSchema),
  'reports.preview': method<ExportPreview>()(reportPreviewSchema),
  'exports.dailyReport': method<ExportedFile>()(dailyReportSchema),
  'exports.specialReport': method<ExportedFile>()(specialReportSchema),
  'exports.log': method<PreparedFile>()(logExportSchema),
  'exports.roster': method<ExportedFile>()(rosterExportSchema),
  'exports.issued': method<IssuedDocument[]>()(issuedListSchema),
  'exports.issuedFile': method<ExportedFile>()(issuedFileSchema),
  'exports.correct': method<ExportedFile>()(issueCorrectionSchema),
};
