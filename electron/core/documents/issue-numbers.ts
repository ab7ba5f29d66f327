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
export async function nextSeq(ctx: CoreContext, kind: IssueKind, year: number): Promise<number> {
  const issued = (await ctx.sql.value(
    'SELECT coalesce(max(seq), 0) FROM issued_documents WHERE kind = ? AND year = ?',
    [kind, year],
  )) as number;
  const legacy =
    kind === 'daily'
      ? ((await ctx.sql.value('SELECT coalesce(max(seq), 0) FROM daily_issues WHERE year = ?', [year])) as number)
      : 0;
  return Math.max(issued, legacy) + 1;
}

/**
 * A period numbered by an earlier version (daily_issues) but never stored: its first issue keeps that
 * number, so a 期号 already printed is not given to another period.
 */
export async function legacyNumber(ctx: CoreContext, p: Period): Promise<{ year: number; seq: number } | undefined> {
  const row = (await ctx.sql.get('SELECT year, seq FROM daily_issues WHERE period_from = ? AND period_to = ?', [
    p.from,
    p.to,
  ])) as { year: number; seq: number } | undefined;
  if (!row) return undefined;
  const taken = await ctx.sql.get("SELECT 1 FROM issued_documents WHERE kind = 'daily' AND year = ? AND seq = ?", [
    row.year,
    row.seq,
  ]);
  return taken ? undefined : row;
}
