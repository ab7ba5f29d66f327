import { canonicalJson } from '../audit/canonical-json';
import {
  type Incident,
  type IncidentFacts,
  type IncidentStatus,
  type IncidentVersion,
  type Level,
  incidentFacts,
} from '../contract/incidents';
import { localParts, suggestLevelFor } from '../domain';
import type { CoreContext } from '../context';
import { getSettings } from '../settings/settings-repo';

/**
 * How an incident is stored: its row and version columns, the SQL that writes them and its yearly
 * number. Shared by the one-at-a-time repository and the batched import, so both write the same bytes.
 */
export interface IncidentRow {
  id: number;
  number: string;
  status: IncidentStatus;
  version: number;
  void_reason: string | null;
  supplementary_due_from: string | null;
  facts: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export function rowToIncident(r: IncidentRow): Incident {
  return {
    ...(JSON.parse(r.facts) as IncidentFacts),
    id: r.id,
    number: r.number,
    status: r.status,
    version: r.version,
    voidReason: r.void_reason,
    supplementaryDueFrom: r.supplementary_due_from,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export async function nextNumber(ctx: CoreContext, at: Date): Promise<string> {
  const year = localParts(at, (await getSettings(ctx)).timeZone).year;
  // Fast path: numbers are handed out in creation order, so the newest incident holds the last one.
  const newest = (await ctx.sql.value('SELECT number FROM incidents ORDER BY id DESC LIMIT 1')) as string | undefined;
  if (newest?.startsWith(`${year}-`)) {
    const candidate = numberOf(year, seqOf(newest) + 1);
    if (!(await ctx.sql.get('SELECT 1 FROM incidents WHERE number = ?', [candidate]))) return candidate;
  }
  // First incident of a year, or the clock went back: find the year's highest number the slow way.
  return numberOf(year, (await highestOfYear(ctx, year)) + 1);
}

/** An INSERT of `columns` bound by position, in their order. */
function positionalInsert(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

const numberOf = (year: string | number, seq: number) => `${year}-${String(seq).padStart(4, '0')}`;
const seqOf = (number: string) => Number(number.slice(number.indexOf('-') + 1));

async function highestOfYear(ctx: CoreContext, year: string | number): Promise<number> {
  const rows = (await ctx.sql.column('SELECT number FROM incidents WHERE number >= ? AND number < ?', [
    `${year}-`,
    `${year}.`,
  ])) as string[];
  return Math.max(0, ...rows.map(seqOf));
}

/**
 * The number after `prev` when it is free (an import numbers thousands in a row), else the one after the
 * year's highest; never one at or below `prev`, which an import may have handed out but not yet written.
 */
export async function numberAfter(ctx: CoreContext, prev: string): Promise<string> {
  const year = prev.slice(0, prev.indexOf('-'));
  const candidate = numberOf(year, seqOf(prev) + 1);
  if (!(await ctx.sql.get('SELECT 1 FROM incidents WHERE number = ?', [candidate]))) return candidate;
  return numberOf(year, Math.max(await highestOfYear(ctx, year), seqOf(prev)) + 1);
}

/**
 * The next `n` numbers after `prev` (an import's slice): one lookup for them all when they are free, as
 * they are unless numbers were handed out out of order; else one by one as numberAfter finds them.
 */
export async function numbersAfter(ctx: CoreContext, prev: string, n: number): Promise<string[]> {
  if (n <= 0) return [];
  const year = prev.slice(0, prev.indexOf('-'));
  const from = seqOf(prev);
  const run = Array.from({ length: n }, (_, k) => numberOf(year, from + 1 + k));
  const taken = await ctx.sql.value(`SELECT count(*) FROM incidents WHERE number IN (${ctx.sql.dialect.jsonTexts})`, [
    JSON.stringify(run),
  ]);
  if (Number(taken) === 0) return run;
  const out: string[] = [];
  for (let last = prev; out.length < n;) out.push((last = await numberAfter(ctx, last)));
  return out;
}

/** The columns versionArgs gives values for, in its order. */
export const VERSION_COLUMNS = [
  'incident_id',
  'version',
  'kind',
  'at',
  'by',
  'reason',
  'status',
  'facts',
  'suggested_level',
] as const;
export const INSERT_VERSION_SQL = positionalInsert('incident_versions', VERSION_COLUMNS);

/**
 * `factsJson`, `facts`: the facts' canonical JSON and the facts themselves when the caller already has
 * them (the row just written; an import's graded facts).
 */
export function versionArgs(
  inc: Incident,
  kind: IncidentVersion['kind'],
  reason: string | null,
  factsJson?: string,
  facts: IncidentFacts = incidentFacts(inc),
): unknown[] {
  return [
    inc.id,
    inc.version,
    kind,
    inc.updatedAt,
    inc.updatedBy,
    reason,
    inc.status,
    factsJson ?? canonicalJson(facts),
    suggested(facts),
  ];
}

function suggested(f: IncidentFacts): Level | null {
  return suggestLevelFor(f)?.level ?? null;
}

/** `facts`: the incident's facts when the caller already has them apart (an import). */
export function rowParams(inc: Incident, facts: IncidentFacts = incidentFacts(inc)): Record<string, unknown> {
  // Keys in sorted order (the table's columns sorted): an import hands this very object to the audit
  // entry as the row it stored.
  return {
    category: facts.category,
    created_at: inc.createdAt,
    created_by: inc.createdBy,
    district: facts.district,
    facts: canonicalJson(facts),
    id: inc.id,
    level: facts.level,
    number: inc.number,
    received_at: facts.receivedAt,
    status: inc.status,
    supplementary_due_from: inc.supplementaryDueFrom,
    title: facts.title,
    updated_at: inc.updatedAt,
    updated_by: inc.updatedBy,
    version: inc.version,
    void_reason: inc.voidReason,
  };
}

export const INSERT_ROW_SQL = `INSERT INTO incidents (id, number, status, version, void_reason,
  supplementary_due_from, received_at, category, level, district, title, facts, created_at, created_by,
  updated_at, updated_by)
  VALUES (@id, @number, @status, @version, @void_reason, @supplementary_due_from, @received_at, @category,
  @level, @district, @title, @facts, @created_at, @created_by, @updated_at, @updated_by)`;

/** rowParams' keys (the table's columns, sorted): the order of an import's positional row values. */
export const ROW_COLUMNS = [
  'category',
  'created_at',
  'created_by',
  'district',
  'facts',
  'id',
  'level',
  'number',
  'received_at',
  'status',
  'supplementary_due_from',
  'title',
  'updated_at',
  'updated_by',
  'version',
  'void_reason',
] as const;
export const INSERT_ROW_VALUES_SQL = positionalInsert('incidents', ROW_COLUMNS);

const sortedLists = new WeakMap<object, Map<string, string[]>>();

/** A table's column names in sorted order (the audit payload's canonical key order). */
export async function sortedColumnNames(ctx: CoreContext, table: string): Promise<string[]> {
  let known = sortedLists.get(ctx.sql.origin);
  if (!known) sortedLists.set(ctx.sql.origin, (known = new Map()));
  let names = known.get(table);
  if (names === undefined) {
    names = (await ctx.sql.column<string>(ctx.sql.dialect.tableColumns, [table])).sort();
    known.set(table, names);
  }
  return names;
}
