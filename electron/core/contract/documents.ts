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
 * The period of a daily report: a calendar day in the zone, or a shift given by its instants.
 * Exactly one of the two.
 */
export const dailyPeriodSchema = z
  .object({
    date: exportDaySchema.optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    distribution: distributionSchema.optional(),
  })
  .strict()
  .refine((p) => (p.date ? !p.from && !p.to : !!p.from && !!p.to && Date.parse(p.from) < Date.parse(p.to)), {
    params: { code: 'invalid_period' },
    path: ['date'],
  });
export type DailyPeriodInput = z.input<typeof dailyPeriodSchema>;

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const dailyReportSchema = z.object({ period: dailyPeriodSchema, format: z.enum(DOCUMENT_FORMATS) }).strict();
export const specialReportSchema = z
  .object({ reportId: z.number().int().positive(), format: z.enum(DOCUMENT_FORMATS) })
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
}

export interface DailyIssue {
  year: number;
  seq: number;
  /** False in a preview of a period that has no number yet: the number it would get. */
  assigned: boolean;
}

export interface ExportPreview {
  /** The same HTML that becomes the PDF. */
  html: string;
  title: string;
  issue: DailyIssue | null;
  /** Sections left out because their data source is not available (i18n keys under reports.missing). */
  missingSections: string[];
}

export const documentMethods = {
  'exports.preview': method<ExportPreview>()(previewSchema),
  'exports.dailyReport': method<ExportedFile>()(dailyReportSchema),
  'exports.specialReport': method<ExportedFile>()(specialReportSchema),
  'exports.log': method<ExportedFile>()(logExportSchema),
  'exports.roster': method<ExportedFile>()(rosterExportSchema),
};
