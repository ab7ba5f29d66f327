import type { CoreContext } from '../context';

export interface Period {
  from: string;
  to: string;
  /** Calendar year of the period in the duty room's zone: 第N期 restarts each year. */
  year: number;
}

export type IssueKind = 'daily' | 'special';

/**
 * The next 第N期 of a kind in a year. Daily numbers continue those that earlier versions handed out in
 * daily_issues (kept, never reused); 专报 count on their own.
 */
export function nextSeq(ctx: CoreContext, kind: IssueKind, year: number): number {
  const issued = ctx.db
    .prepare('SELECT coalesce(max(seq), 0) FROM issued_documents WHERE kind = ? AND year = ?')
    .pluck()
    .get(kind, year) as number;
  const legacy =
    kind === 'daily'
      ? (ctx.db.prepare('SELECT coalesce(max(seq), 0) FROM daily_issues WHERE year = ?').pluck().get(year) as number)
      : 0;
  return Math.max(issued, legacy) + 1;
}

/**
 * A period numbered by an earlier version (daily_issues) but never stored: its first issue keeps that
 * number, so a 期号 already printed is not given to another period.
 */
export function legacyNumber(ctx: CoreContext, p: Period): { year: number; seq: number } | undefined {
  const row = ctx.db
    .prepare('SELECT year, seq FROM daily_issues WHERE period_from = ? AND period_to = ?')
    .get(p.from, p.to) as { year: number; seq: number } | undefined;
  if (!row) return undefined;
  const taken = ctx.db
    .prepare("SELECT 1 FROM issued_documents WHERE kind = 'daily' AND year = ? AND seq = ?")
    .get(row.year, row.seq);
  return taken ? undefined : row;
}
