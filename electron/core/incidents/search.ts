import type { SearchHit } from '../contract/incident-methods';
import type { CoreContext } from '../context';
import { matchExpression } from './search-text';
import { ftsRowId, KIND_SPAN } from './search-index';

type Kind = SearchHit['kind'];
const KINDS: Kind[] = ['incident', 'report', 'instruction', 'call'];

/**
 * The `limit` most recently recorded records of every kind that match, by rowid (each kind owns a rowid
 * range, in creation order). FTS5 walks a doclist backwards without scoring it, so the cost follows
 * `limit`, not the number of hits (火灾 matches a sixth of all incidents).
 */
export function newestMatches(ctx: CoreContext, match: string, limit: number): { rowid: number; at: string }[] {
  const stmt = ctx.db.prepare(
    `SELECT rowid, at FROM search_fts WHERE search_fts MATCH ? AND rowid >= ? AND rowid < ?
     ORDER BY rowid DESC LIMIT ?`,
  );
  return KINDS.flatMap((k) => {
    const base = ftsRowId(k, 0);
    return stmt.all(match, base, base + KIND_SPAN, limit) as { rowid: number; at: string }[];
  })
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.rowid - a.rowid))
    .slice(0, limit);
}

/**
 * Full-text search over incidents, reports, instructions and calls: the newest `limit` matches, best
 * first. Only what is returned is ranked and given a snippet; every record matching the query is
 * eligible (bigram matching finds exactly what a substring scan would).
 */
export function search(ctx: CoreContext, input: { q: string; limit: number }): SearchHit[] {
  const match = matchExpression(input.q);
  if (!match) return [];
  const chosen = newestMatches(ctx, match, input.limit).map((r) => r.rowid);
  if (!chosen.length) return [];
  const rows = ctx.db
    .prepare(
      `SELECT kind, ref_id, incident_id, at, title, snippet(search_fts, 0, '', '', ' … ', 16) AS snippet
       FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?)) ORDER BY rank`,
    )
    .all(match, JSON.stringify(chosen)) as {
    kind: Kind;
    ref_id: number;
    incident_id: number | null;
    at: string;
    title: string;
    snippet: string;
  }[];
  return rows.map((r) => ({
    kind: r.kind,
    refId: Number(r.ref_id),
    incidentId: r.incident_id === null ? null : Number(r.incident_id),
    title: r.title,
    // The index holds bigrams; fold them back into readable text for the snippet.
    snippet: readable(r.snippet),
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
