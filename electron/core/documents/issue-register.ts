import { createHash } from 'node:crypto';
import { AppError } from '../contract/errors';
import type { DocumentFormat, IssuedDocument } from '../contract/documents';
import type { CoreContext } from '../context';
import type { DocumentModel } from './blocks';
import type { IssueKind } from './issue-numbers';

interface IssueRow {
  id: number;
  kind: IssueKind;
  year: number;
  seq: number;
  doc_number: string | null;
  period_from: string | null;
  period_to: string | null;
  report_id: number | null;
  corrects_id: number | null;
  correction_reason: string | null;
  title: string;
  model: string;
  facts: string;
  chain_head_id: number;
  chain_head_hash: string;
  chain_entries: number;
  issued_at: string;
  issued_by: string;
}

export interface StoredIssue {
  row: IssueRow;
  model: DocumentModel;
  facts: Record<string, unknown>;
}

export type IssueSubject = { kind: 'daily'; from: string; to: string } | { kind: 'special'; reportId: number };

const load = (row: IssueRow): StoredIssue => ({
  row,
  model: JSON.parse(row.model) as DocumentModel,
  facts: JSON.parse(row.facts) as Record<string, unknown>,
});

export async function findIssue(ctx: CoreContext, id: number): Promise<StoredIssue> {
  const row = (await ctx.sql.get('SELECT * FROM issued_documents WHERE id = ?', [id])) as IssueRow | undefined;
  if (!row) throw new AppError('not_found', { entity: 'issued_document', id });
  return load(row);
}

/** The issue in force for a period or report: the latest one (a correction supersedes what it corrects). */
export async function currentIssue(ctx: CoreContext, s: IssueSubject): Promise<StoredIssue | null> {
  const row = (
    s.kind === 'daily'
      ? await ctx.sql.get(
          "SELECT * FROM issued_documents WHERE kind = 'daily' AND period_from = ? AND period_to = ? ORDER BY id DESC LIMIT 1",
          [s.from, s.to],
        )
      : await ctx.sql.get(
          "SELECT * FROM issued_documents WHERE kind = 'special' AND report_id = ? ORDER BY id DESC LIMIT 1",
          [s.reportId],
        )
  ) as IssueRow | undefined;
  return row ? load(row) : null;
}

export interface NewIssue {
  kind: IssueKind;
  year: number;
  seq: number;
  docNumber?: string | null;
  subject: IssueSubject;
  correctsId?: number | null;
  correctionReason?: string | null;
  model: DocumentModel;
  facts: Record<string, unknown>;
  head: { id: number; hash: string; entries: number };
}

/** Records an issue (in the caller's transaction) with its audit entry: numbering is an audited act. */
export async function insertIssue(ctx: CoreContext, n: NewIssue): Promise<number> {
  const taken = await ctx.sql.get('SELECT 1 FROM issued_documents WHERE kind = ? AND year = ? AND seq = ?', [
    n.kind,
    n.year,
    n.seq,
  ]);
  if (taken) throw new AppError('conflict', { entity: 'issued_document' });
  const id = Number(
    await ctx.sql.insert(
      `INSERT INTO issued_documents (kind, year, seq, doc_number, period_from, period_to, report_id, corrects_id,
           correction_reason, title, model, facts, chain_head_id, chain_head_hash, chain_entries, issued_at, issued_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        n.kind,
        n.year,
        n.seq,
        n.docNumber ?? null,
        n.subject.kind === 'daily' ? n.subject.from : null,
        n.subject.kind === 'daily' ? n.subject.to : null,
        n.subject.kind === 'special' ? n.subject.reportId : null,
        n.correctsId ?? null,
        n.correctionReason ?? null,
        n.model.title,
        JSON.stringify(n.model),
        JSON.stringify(n.facts),
        n.head.id,
        n.head.hash,
        n.head.entries,
        ctx.clock.now().toISOString(),
        await ctx.actor(),
      ],
    ),
  );
  await ctx.audit.appendRow(
    await ctx.actor(),
    n.correctsId ? 'document.correct' : 'document.issue',
    'issued_documents',
    id,
  );
  return id;
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Keeps one format of an issue; the audited row holds the hash, the bytes sit beside it. */
export async function storeFile(
  ctx: CoreContext,
  issueId: number,
  format: DocumentFormat,
  fileName: string,
  bytes: Buffer,
) {
  const hash = sha256(bytes);
  await ctx.sql.run('INSERT INTO issued_file_bytes (sha256, bytes) VALUES (?, ?) ON CONFLICT DO NOTHING', [
    hash,
    bytes,
  ]);
  const id = Number(
    await ctx.sql.insert(
      `INSERT INTO issued_files (issue_id, format, file_name, sha256, size, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [issueId, format, fileName, hash, bytes.length, ctx.clock.now().toISOString(), await ctx.actor()],
    ),
  );
  await ctx.audit.appendRow(await ctx.actor(), 'document.file', 'issued_files', id);
}

/** The stored file of an issue, checked against the hash the chain recorded; null if never rendered. */
export async function readFile(ctx: CoreContext, issueId: number, format: DocumentFormat) {
  const row = (await ctx.sql.get(
    `SELECT f.file_name AS "fileName", f.sha256 AS sha256, b.bytes AS bytes FROM issued_files f
       LEFT JOIN issued_file_bytes b ON b.sha256 = f.sha256 WHERE f.issue_id = ? AND f.format = ?`,
    [issueId, format],
  )) as { fileName: string; sha256: string; bytes: Buffer | null } | undefined;
  if (!row) return null;
  if (!row.bytes || sha256(row.bytes) !== row.sha256) throw new AppError('export.file_damaged', { id: issueId });
  return { fileName: row.fileName, sha256: row.sha256, bytes: row.bytes };
}

export async function toIssued(ctx: CoreContext, s: StoredIssue): Promise<IssuedDocument> {
  const r = s.row;
  const files = (await ctx.sql.all(
    'SELECT format, file_name AS "fileName", sha256, size FROM issued_files WHERE issue_id = ? ORDER BY id',
    [r.id],
  )) as IssuedDocument['files'];
  const by = await ctx.sql.value('SELECT id FROM issued_documents WHERE corrects_id = ? ORDER BY id LIMIT 1', [r.id]);
  return {
    id: r.id,
    kind: r.kind,
    year: r.year,
    seq: r.seq,
    docNumber: r.doc_number,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    reportId: r.report_id,
    title: r.title,
    correctsId: r.corrects_id,
    correctedById: (by as number | undefined) ?? null,
    correctionReason: r.correction_reason,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    chainHeadHash: r.chain_head_hash,
    chainEntries: r.chain_entries,
    files,
  };
}

export async function listIssued(
  ctx: CoreContext,
  input: { kind?: IssueKind; limit?: number },
): Promise<IssuedDocument[]> {
  const rows = (await ctx.sql.all(
    `SELECT * FROM issued_documents ${input.kind ? 'WHERE kind = ?' : ''} ORDER BY issued_at DESC, id DESC LIMIT ?`,
    [...(input.kind ? [input.kind] : []), input.limit ?? 200],
  )) as IssueRow[];
  return Promise.all(rows.map((r) => toIssued(ctx, load(r))));
}
