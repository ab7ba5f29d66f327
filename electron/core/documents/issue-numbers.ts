import type { DailyIssue } from '../contract/documents';
import type { CoreContext } from '../context';

interface IssueRow {
  id: number;
  year: number;
  seq: number;
}

export interface Period {
  from: string;
  to: string;
  /** Calendar year of the period in the duty room's zone: 第N期 restarts each year. */
  year: number;
}

function existing(ctx: CoreContext, p: Period): IssueRow | undefined {
  return ctx.db
    .prepare('SELECT id, year, seq FROM daily_issues WHERE period_from = ? AND period_to = ?')
    .get(p.from, p.to) as IssueRow | undefined;
}

function nextSeq(ctx: CoreContext, year: number): number {
  return ctx.db
    .prepare('SELECT coalesce(max(seq), 0) + 1 FROM daily_issues WHERE year = ?')
    .pluck()
    .get(year) as number;
}

/** The number a period has, or would get if exported now (a preview never takes a number). */
export function peekIssue(ctx: CoreContext, p: Period): DailyIssue {
  const row = existing(ctx, p);
  return row
    ? { year: row.year, seq: row.seq, assigned: true }
    : { year: p.year, seq: nextSeq(ctx, p.year), assigned: false };
}

/**
 * Takes the period's number inside the caller's transaction. Exporting the same period again (DOCX after
 * PDF, or a reprint) keeps its number; a new period gets the year's next one, and none is ever reused.
 */
export function takeIssue(ctx: CoreContext, p: Period): IssueRow {
  const row = existing(ctx, p);
  if (row) return row;
  const seq = nextSeq(ctx, p.year);
  const id = Number(
    ctx.db
      .prepare(
        'INSERT INTO daily_issues (year, seq, period_from, period_to, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(p.year, seq, p.from, p.to, ctx.clock.now().toISOString(), ctx.actor()).lastInsertRowid,
  );
  ctx.audit.appendRow(ctx.actor(), 'export.issue', 'daily_issues', id);
  return { id, year: p.year, seq };
}
