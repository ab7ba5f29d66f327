import type { CoreContext } from '../context';
import { ftsOf } from './search-fts';
import { ftsRange, ftsRowId } from './search-index';
import type { TextQuery } from './search-text';

type Kind = 'incident' | 'report' | 'instruction' | 'call';
const base = (k: Kind) => ftsRowId(k, 0);

/** The table each linked kind's ref_id points into (its incident_id is the authoritative link), and its key. */
const LINKED: [Kind, string][] = [
  ['report', 'reports'],
  ['instruction', 'instructions'],
  ['call', 'calls'],
];

/** Where a read of each kind's newest matches stopped: every match of the kind from there on was read. */
export interface Cut {
  /** The lowest incident id read by own text, null when every own match was read. */
  own: number | null;
  /** Per linked table read only in part, the lowest ref id read. */
  linked: Map<string, number>;
}

/**
 * Ids of the incidents a query matches, directly or through their reports, instructions and calls:
 * all of them, or with `limit` only each kind's `limit` newest matches (by record id). Only rowids come
 * out of the index (its doclist): an incident's own entry carries its id in the rowid, and the other
 * kinds' ref_id is looked up in their own table by key, twice as fast as reading the UNINDEXED
 * incident_id column from the FTS content row.
 */
export async function readMatches(
  ctx: CoreContext,
  query: TextQuery,
  limit: number | null,
): Promise<{ ids: number[]; cut: Cut }> {
  const { key, matches } = ftsOf(ctx);
  const [match, params] = matches(query, 'f.');
  const newest = limit === null ? '' : `ORDER BY f.${key} DESC LIMIT ${limit}`;
  const own = (await ctx.sql.column(
    `SELECT f.${key} FROM search_fts f WHERE ${match} AND f.${key} >= ? AND f.${key} < ? ${newest}`,
    [...params, ...ftsRange('incident')],
  )) as number[];
  const ids = new Set(own.map((r) => r - base('incident')));
  const cut: Cut = {
    own: limit !== null && own.length === limit ? own[own.length - 1]! - base('incident') : null,
    linked: new Map(),
  };
  for (const [kind, table] of LINKED) {
    const rows = (await ctx.sql.arrays(
      `SELECT f.${key}, t.incident_id FROM search_fts f JOIN ${table} t ON t.id = f.${key} - ${base(kind)}
         WHERE ${match} AND f.${key} >= ? AND f.${key} < ? ${newest}`,
      [...params, ...ftsRange(kind)],
    )) as [number, number | null][];
    for (const [, id] of rows) if (id !== null) ids.add(id);
    if (limit !== null && rows.length === limit) cut.linked.set(table, rows[rows.length - 1]![0] - base(kind));
  }
  return { ids: [...ids], cut };
}

/** Every incident the query matches (see readMatches). */
export const matchingIncidentIds = async (ctx: CoreContext, match: TextQuery): Promise<number[]> =>
  (await readMatches(ctx, match, null)).ids;

type Key = [receivedAt: string, id: number];

/**
 * Whether an incident received after `boundary` (and before `before`, the page's cursor) could match
 * without having been read: one older than the own-text cut, or with a linked record older than its
 * kind's cut. Normally none: the newest incidents are also the most recently recorded. The walk covers
 * only the page's span of the log, through the receipt index and the linked tables' incident indexes.
 */
export async function unreadMatchPossible(
  ctx: CoreContext,
  cut: Cut,
  boundary: Key,
  before: Key | null,
): Promise<boolean> {
  const doubt = [`incidents.id < ?`];
  const params: unknown[] = [cut.own ?? 0];
  for (const [table, from] of cut.linked) {
    doubt.push(`EXISTS (SELECT 1 FROM ${table} t WHERE t.incident_id = incidents.id AND t.id < ?)`);
    params.push(from);
  }
  const range = ['(received_at > ? OR (received_at = ? AND id > ?))'];
  const rangeParams: unknown[] = [boundary[0], boundary[0], boundary[1]];
  if (before) {
    range.push('(received_at < ? OR (received_at = ? AND id < ?))');
    rangeParams.push(before[0], before[0], before[1]);
  }
  return !!(await ctx.sql.get(
    `SELECT 1 FROM incidents ${ctx.sql.dialect.indexedBy('incidents_received')}
       WHERE ${range.join(' AND ')} AND (${doubt.join(' OR ')}) LIMIT 1`,
    [...rangeParams, ...params],
  ));
}
