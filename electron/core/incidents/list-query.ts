import { AppError } from '../contract/errors';
import {
  TOTAL_CAP,
  type IncidentListItem,
  type IncidentListQuery,
  type IncidentPage,
} from '../contract/incident-methods';
import type { IncidentFacts, IncidentStatus } from '../contract/incidents';
import type { CoreContext } from '../context';
import { deadlinesFor } from './queries';
import { textQuery } from './search-text';
import { matchingIncidentIds, readMatches, unreadMatchPossible } from './text-filter';

type Query = Omit<IncidentListQuery, 'limit'> & { limit: number };

/** Above this many text matches the page walks the log in order rather than sorting the matches. */
const WALK_FROM = 2000;
/** Column filters have their own page-ordered indexes, better than a walk of the whole log. */
const hasColumnFilter = (q: Query) => !!(q.category || q.level || q.status || q.district);

function encodeCursor(receivedAt: string, id: number): string {
  return Buffer.from(`${receivedAt}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, number] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^\d+$/.test(id) || Number.isNaN(Date.parse(at)))
    throw new AppError('validation', undefined, [{ path: 'cursor', code: 'invalid' }]);
  return [at, Number(id)];
}

/**
 * One page of incidents, newest received first, filtered. Keyset paging on (received_at, id) keeps
 * every page as fast as the first at 100,000 incidents, where OFFSET would scan.
 */
export async function listIncidents(ctx: CoreContext, q: Query): Promise<IncidentPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (q.from) add('received_at >= ?', new Date(q.from).toISOString());
  if (q.to) add('received_at < ?', new Date(q.to).toISOString());
  if (q.category) add('category = ?', q.category);
  if (q.level) add('level = ?', q.level);
  if (q.status) add('status = ?', q.status);
  if (q.district) add('district = ?', q.district);
  const match = q.q ? textQuery(q.q) : null;
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  // The text alone: read each kind's newest matches first; often that is all of them, or enough.
  const newest = match && !where.length ? await readMatches(ctx, match, TOTAL_CAP + 1) : null;
  const found = newest ? await newestTextPage(ctx, newest, cursor, q.limit) : null;
  let rows = found?.rows ?? [];
  let counted = found?.counted ?? 0;
  if (!found) {
    const complete = newest && newest.cut.own === null && newest.cut.linked.size === 0;
    const matching = complete ? newest.ids : match ? await matchingIncidentIds(ctx, match) : null;
    // Filters other than the text: with none, every matching id is an incident of the page's set.
    const otherFilters = where.length > 0;
    if (matching) add(`id IN (${ctx.sql.dialect.jsonIds})`, JSON.stringify(matching));
    // Counting stops just past the cap: an exact count of 100,000 matches would cost more than the page.
    counted =
      matching && !otherFilters
        ? matching.length
        : ((await ctx.sql.value(
            `SELECT count(*) FROM (SELECT 1 FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               LIMIT ${TOTAL_CAP + 1}) AS capped`,
            params,
          )) as number);
    // Many text matches (内涝: a seventh of the log): walk the log newest first and keep the matching
    // ones, 50 ÷ density steps, instead of reading every match's row to sort them all.
    const walk = !!matching && matching.length > WALK_FROM && !hasColumnFilter(q);
    rows = await pageRows(ctx, where, params, cursor, q.limit, walk);
  }
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit).map((r) => ({ ...r, f: JSON.parse(r.facts) as IncidentFacts }));
  const deadlines = await deadlinesFor(
    ctx,
    page.map((r) => ({
      id: r.id,
      receivedAt: r.received_at,
      level: r.f.level,
      sensitive: r.f.sensitive,
      status: r.status,
      supplementaryDueFrom: r.supplementary_due_from,
    })),
  );
  const items: IncidentListItem[] = page.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.f.title,
    place: r.f.place,
    district: r.f.district,
    category: r.f.category,
    subtype: r.f.subtype,
    level: r.f.level,
    status: r.status,
    receivedAt: r.received_at,
    casualties: r.f.casualties,
    deadlines: deadlines.get(r.id) ?? [],
  }));
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor(last.received_at, last.id) : null,
    total: Math.min(counted, TOTAL_CAP),
    totalCapped: counted > TOTAL_CAP,
  };
}

interface Row {
  id: number;
  number: string;
  status: IncidentStatus;
  received_at: string;
  supplementary_due_from: string | null;
  facts: string;
}

/** The page's rows and one more (there is a next page), after the cursor, newest received first. */
async function pageRows(
  ctx: CoreContext,
  where: string[],
  params: unknown[],
  cursor: [string, number] | null,
  limit: number,
  walk: boolean,
): Promise<Row[]> {
  const all = [...where];
  const values = [...params];
  if (cursor) {
    all.push('(received_at < ? OR (received_at = ? AND id < ?))');
    values.push(cursor[0], cursor[0], cursor[1]);
  }
  return (await ctx.sql.all(
    `SELECT id, number, status, received_at, supplementary_due_from, facts FROM incidents
       ${walk ? ctx.sql.dialect.indexedBy('incidents_received') : ''} ${all.length ? `WHERE ${all.join(' AND ')}` : ''}
       ORDER BY received_at DESC, id DESC LIMIT ?`,
    [...values, limit + 1],
  )) as Row[];
}

/**
 * The text filter alone, matched by more than TOTAL_CAP incidents on their own text (内涝 at 1,000,000
 * incidents: 140,000): the total is "10,000+" whatever the rest, and the page comes from each kind's
 * TOTAL_CAP + 1 newest matches, so the cost no longer grows with the log. Null (read every match) when
 * an incident in the page's span could match without having been read, or the page runs past them.
 */
async function newestTextPage(
  ctx: CoreContext,
  { ids, cut }: Awaited<ReturnType<typeof readMatches>>,
  cursor: [string, number] | null,
  limit: number,
) {
  if (cut.own === null) return null;
  const rows = await pageRows(ctx, [`id IN (${ctx.sql.dialect.jsonIds})`], [JSON.stringify(ids)], cursor, limit, true);
  const last = rows[limit];
  if (!last || (await unreadMatchPossible(ctx, cut, [last.received_at, last.id], cursor))) return null;
  return { rows, counted: TOTAL_CAP + 1 };
}
