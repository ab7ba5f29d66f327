import type { SearchHit } from '../contract/incident-methods';
import type { CoreContext } from '../context';
import { ftsOf } from './search-fts';
import { textQuery, type TextQuery } from './search-text';
import { ftsRange, ftsRowId, KIND_SPAN } from './search-index';

type Kind = SearchHit['kind'];
const KINDS: Kind[] = ['incident', 'report', 'instruction', 'call'];
const base = (k: Kind) => ftsRowId(k, 0);

/**
 * The `limit` most recently recorded records of every kind that match, by rowid (each kind owns a rowid
 * range, in creation order). FTS5 walks a doclist backwards without scoring it, so the cost follows
 * `limit`, not the number of hits (火灾 matches a sixth of all incidents).
 */
export async function newestMatches(
  ctx: CoreContext,
  query: TextQuery,
  limit: number,
): Promise<{ rowid: number; at: string }[]> {
  const found: { rowid: number; at: string }[] = [];
  const { key, matches } = ftsOf(ctx);
  const [match, params] = matches(query);
  for (const k of KINDS)
    found.push(
      ...(await ctx.sql.all<{ rowid: number; at: string }>(
        `SELECT ${key} AS rowid, at FROM search_fts WHERE ${match} AND ${key} >= ? AND ${key} < ?
         ORDER BY ${key} DESC LIMIT ?`,
        [...params, ...ftsRange(k), limit],
      )),
    );
  return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.rowid - a.rowid)).slice(0, limit);
}

interface HitRow {
  rowid: number;
  kind: Kind;
  ref_id: number;
  incident_id: number | null;
  at: string;
  title: string;
  snippet: string;
}

/**
 * Full-text search over incidents, reports, instructions and calls: the newest `limit` matches, newest
 * first. Every record matching the query is eligible (bigram matching finds exactly what a substring
 * scan would); only the ones returned get a snippet. FTS5 cannot look up a list of rowids within a
 * MATCH (it would scan every hit), but the chosen rows of a kind are its newest matches, so one rowid
 * range per kind returns exactly them.
 */
export async function search(ctx: CoreContext, input: { q: string; limit: number }): Promise<SearchHit[]> {
  const query = textQuery(input.q);
  if (!query) return [];
  const chosen = await newestMatches(ctx, query, input.limit);
  const fts = ftsOf(ctx);
  const [match, params] = fts.matches(query);
  const rows = `SELECT ${fts.key} AS rowid, kind, ref_id, incident_id, at, title, ${fts.snippetSource} AS snippet
     FROM search_fts WHERE ${match} AND ${fts.key} >= ? AND ${fts.key} < ? ORDER BY ${fts.key} DESC LIMIT ?`;
  const byRowid = new Map<number, HitRow>();
  for (const k of KINDS) {
    const mine = chosen.filter((c) => c.rowid >= base(k) && c.rowid < base(k) + KIND_SPAN);
    if (!mine.length) continue;
    const from = Math.min(...mine.map((c) => c.rowid));
    for (const r of await ctx.sql.all<HitRow>(rows, [...params, ...ftsRange(k, from - base(k)), mine.length]))
      byRowid.set(Number(r.rowid), r);
  }
  return chosen
    .map((c) => byRowid.get(c.rowid))
    .filter((r): r is HitRow => !!r)
    .map((r) => ({
      kind: r.kind,
      refId: Number(r.ref_id),
      incidentId: r.incident_id === null ? null : Number(r.incident_id),
      title: r.title,
      // The index holds bigrams; fold them back into readable text for the snippet.
      snippet: readable(fts.snippet(r.snippet, query)),
      at: r.at,
    }));
}

const CJK_TOKEN = /^[\u3400-\u9fff\uf900-\ufaff]{1,2}$/u;

/**
 * Folds indexed bigrams back into readable text: "化工 工厂 厂火 火灾 灾" → "化工厂火灾". A lone
 * character after a bigram ending in it marks the end of a run (see indexText).
 */
export function readable(indexed: string): string {
  const out: string[] = [];
  let run = '';
  let prev = '';
  const flush = () => {
    if (run) out.push(run);
    run = '';
    prev = '';
  };
  for (const token of indexed.split(' ')) {
    if (!CJK_TOKEN.test(token)) {
      flush();
      out.push(token);
      continue;
    }
    const chars = Array.from(token);
    if (chars.length === 1) {
      const endsRun = prev && Array.from(prev).pop() === token;
      flush();
      if (!endsRun) out.push(token);
      continue;
    }
    run = prev && Array.from(prev).pop() === chars[0] ? run + chars[1] : (flush(), token);
    prev = token;
  }
  flush();
  return out.join(' ').replace(/ ?… ?/g, '…');
}
