import type { Incident } from '../contract/incidents';
import type { CoreContext } from '../context';
import { ftsOf } from './search-fts';
import { indexText } from './search-text';

type Kind = 'incident' | 'report' | 'instruction' | 'call';

/**
 * Each record owns one fixed FTS rowid, so replacing its entry is a rowid lookup: the UNINDEXED
 * kind/ref_id columns would make every re-index scan the whole table.
 */
const KIND_BASE: Record<Kind, number> = { incident: 1e12, report: 2e12, instruction: 3e12, call: 4e12 };
export const ftsRowId = (kind: Kind, refId: number) => KIND_BASE[kind] + refId;
/** Each kind's rowids lie in [ftsRowId(kind, 0), ftsRowId(kind, 0) + KIND_SPAN). */
export const KIND_SPAN = 1e12;

/**
 * A kind's rowid range as bind values for `rowid >= ? AND rowid < ?` beside a MATCH. better-sqlite3
 * binds a JS number as REAL, and FTS5 only uses a rowid bound that is an INTEGER: given a REAL it walks
 * the term's whole doclist and SQLite drops the rows out of range afterwards (火灾: 20 ms per kind at
 * 100,000 incidents, growing with the log). As BigInt the bound seeks: 0.1 ms whatever the size.
 */
export const ftsRange = (kind: Kind, fromRefId = 0): [bigint, bigint] => [
  BigInt(ftsRowId(kind, fromRefId)),
  BigInt(ftsRowId(kind, 0) + KIND_SPAN),
];

interface IndexEntry {
  kind: Kind;
  refId: number;
  incidentId: number | null;
  at: string;
  title: string;
  text: string;
}

/** Adds an entry (`key`: the engine's rowid column, see ftsOf); its values are ftsValues'. */
export const insertFtsSql = (key: string) =>
  `INSERT INTO search_fts (${key}, text, kind, ref_id, incident_id, at, title) VALUES (?, ?, ?, ?, ?, ?, ?)`;

export const ftsValues = (e: IndexEntry): unknown[] => [
  ftsRowId(e.kind, e.refId),
  indexText(e.text),
  e.kind,
  e.refId,
  e.incidentId,
  e.at,
  e.title,
];

/** Replaces the index entry of one record; derived data, rebuilt inside the writer's transaction. */
export async function indexEntry(ctx: CoreContext, e: IndexEntry, fresh = false): Promise<void> {
  const key = ftsOf(ctx).key;
  // A record written for the first time (an import's new ids) has no entry to replace.
  if (!fresh) await ctx.sql.run(`DELETE FROM search_fts WHERE ${key} = ?`, [ftsRowId(e.kind, e.refId)]);
  await ctx.sql.run(insertFtsSql(key), ftsValues(e));
}

/** The search entry of an incident: its number, title, place and the text an officer would look for. */
export function incidentEntry(inc: Incident) {
  return {
    kind: 'incident' as const,
    refId: inc.id,
    incidentId: inc.id,
    at: inc.receivedAt,
    title: `${inc.number} ${inc.title}`,
    text: [
      inc.number,
      inc.title,
      inc.place,
      inc.district,
      inc.subtype,
      inc.involvedUnit,
      inc.sourceUnit,
      inc.summary,
      inc.cause,
      inc.measures,
    ].join(' '),
  };
}

export async function indexIncident(ctx: CoreContext, inc: Incident): Promise<void> {
  await indexEntry(ctx, incidentEntry(inc));
}
