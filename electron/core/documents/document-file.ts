import { createHash } from 'node:crypto';
import type { ExportedFile, PreparedFile } from '../contract/documents';
import type { CoreContext } from '../context';

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
} as const;
export type FileFormat = keyof typeof MIME;

export interface DocumentRecord {
  /** daily | special | log | roster */
  kind: string;
  format: FileFormat;
  /** What the file covers: the period, the report id, the month. */
  subject: Record<string, unknown>;
  fileName: string;
  /** The bytes (handed back base64), or a file already written to the downloads folder, with its hash. */
  bytes: Buffer | { download: string; sha256: string };
  issueId?: number | null;
}

/**
 * Logs the file and appends its audit entry (what, period, SHA-256) in the caller's transaction, so a
 * file handed to a superior office can later be matched against the chain.
 */
export function recordDocument(ctx: CoreContext, rec: DocumentRecord & { bytes: Buffer }): Promise<ExportedFile>;
export function recordDocument(
  ctx: CoreContext,
  rec: DocumentRecord & { bytes: { download: string; sha256: string } },
): Promise<PreparedFile>;
export async function recordDocument(ctx: CoreContext, rec: DocumentRecord): Promise<ExportedFile | PreparedFile> {
  const prepared = Buffer.isBuffer(rec.bytes) ? null : rec.bytes;
  const sha256 = prepared
    ? prepared.sha256
    : createHash('sha256')
        .update(rec.bytes as Buffer)
        .digest('hex');
  const id = Number(
    await ctx.sql.insert(
      `INSERT INTO export_log (at, actor, kind, format, subject, file_name, sha256, issue_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        ctx.clock.now().toISOString(),
        await ctx.actor(),
        rec.kind,
        rec.format,
        JSON.stringify(rec.subject),
        rec.fileName,
        sha256,
        rec.issueId ?? null,
      ],
    ),
  );
  await ctx.audit.appendRow(await ctx.actor(), `export.${rec.kind}`, 'export_log', id);
  const file = { fileName: rec.fileName, mimeType: MIME[rec.format], sha256 };
  return prepared
    ? { ...file, download: prepared.download }
    : { ...file, base64: (rec.bytes as Buffer).toString('base64') };
}
