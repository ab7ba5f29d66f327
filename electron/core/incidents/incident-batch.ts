import type { IncidentFacts, Incident } from '../contract/incidents';
import type { CoreContext } from '../context';
import { checkTimes, gradedFacts, newIncident } from './incident-repo';
import {
  INSERT_ROW_SQL,
  INSERT_VERSION_SQL,
  followingNumber,
  nextNumber,
  VERSION_COLUMNS,
  rowParams,
  sortedColumnNames,
  versionArgs,
} from './incident-rows';
import { planHistory, writeHistories, type History, type PlannedHistory } from './incident-history';
import { refreshOpenDeadlines } from './open-deadlines';
import { getSettings } from '../settings/settings-repo';
import { incidentEntry, indexEntry } from './search-index';

/** Incidents written per slice: enough that each table's pages stay hot, few enough to stay small. */
const SLICE = 500;

/**
 * Records many new incidents in the caller's transaction (an import file): the same rows, audit entries,
 * search entries and deadline refreshes as `createIncident`, written table by table a slice at a time
 * instead of incident by incident. Interleaving eight B-trees per record thrashed SQLite's page cache
 * (the import ran at a quarter of raw inserts); one table at a time keeps its pages hot, as a raw bulk
 * insert does. The time, the operator, the next id and number are read once for the run. Each incident
 * is validated (times, grade, and the reports and calls it brings) when it is added, so an error still
 * names its line.
 */
export async function incidentBatch(ctx: CoreContext): Promise<{
  add(input: IncidentFacts, history?: History): Promise<Incident>;
  flush(): Promise<void>;
}> {
  const now = ctx.clock.now();
  const actor = await ctx.actor();
  let id = ((await ctx.sql.value('SELECT max(id) FROM incidents')) as number | null) ?? 0;
  let number: string | null = null;
  const tz = (await getSettings(ctx)).timeZone;
  let pending: { inc: Incident; facts: IncidentFacts; applied: string | null; history: PlannedHistory | null }[] = [];

  const flush = async () => {
    if (!pending.length) return;
    const slice = pending;
    pending = [];
    const rowCols = await sortedColumnNames(ctx, 'incidents');
    const versionCols = await sortedColumnNames(ctx, 'incident_versions');
    const rows: Record<string, unknown>[] = [];
    const versions: Record<string, unknown>[] = [];
    for (const { inc, facts } of slice) {
      const params = rowParams(inc, facts);
      await ctx.sql.run(INSERT_ROW_SQL, params);
      rows.push(params);
    }
    for (const [k, { inc, facts, applied }] of slice.entries()) {
      const args = versionArgs(inc, 'created', applied, rows[k]!.facts as string, facts);
      const id = await ctx.sql.insert(INSERT_VERSION_SQL, args);
      const version: Record<string, unknown> = {};
      for (const [i, c] of VERSION_ORDER) version[c] = c === 'id' ? id : args[i];
      versions.push(version);
    }
    // Each entry records the row as stored, so verify compares like with like: the values just bound
    // (text into TEXT columns, integers into INTEGER ones: stored as given), keyed in the table's sorted
    // column order. Reading the slice back would cost a range scan per table for the same values.
    const rowsAsStored = asStored('incidents', rowCols, rows);
    const versionsAsStored = asStored('incident_versions', versionCols, versions);
    for (const [k, { inc }] of slice.entries()) {
      await ctx.audit.appendBuiltRow(actor, 'incident.create', 'incidents', inc.id, rowsAsStored[k]!);
      const vid = versions[k]!.id as number;
      await ctx.audit.appendBuiltRow(actor, 'incident.created', 'incident_versions', vid, versionsAsStored[k]!);
    }
    for (const { inc } of slice) await indexEntry(ctx, incidentEntry(inc), true);
    const histories = slice.flatMap(({ history }) => (history ? [history] : []));
    if (histories.length) await writeHistories(ctx, histories, now, actor);
    for (const { inc } of slice) await refreshOpenDeadlines(ctx, inc.id);
  };

  return {
    async add(input, history) {
      const { facts, applied } = gradedFacts(input);
      checkTimes(ctx, facts);
      number = number === null ? await nextNumber(ctx, now) : await followingNumber(ctx, number, now);
      const inc = newIncident(facts, ++id, number, now, actor);
      const planned = history ? planHistory(inc, history, now, tz, actor) : null;
      pending.push({ inc, facts, applied, history: planned });
      if (pending.length >= SLICE) await flush();
      return inc;
    },
    flush,
  };
}

/** The version row's columns in sorted order, each with its place in versionArgs (-1: the new id). */
const VERSION_ORDER: [number, string][] = [...VERSION_COLUMNS, 'id']
  .map((c, i): [number, string] => [c === 'id' ? -1 : i, c])
  .sort((a, b) => (a[1] < b[1] ? -1 : 1));

/** True when the object's keys are exactly `cols`, in that order (the audit payload's canonical order). */
function sameKeys(row: Record<string, unknown>, cols: string[]): boolean {
  let i = 0;
  for (const k in row) if (k !== cols[i++]) return false;
  return i === cols.length;
}

/**
 * The bound rows, when their keys are the table's columns in order. A column added to the table but not
 * to the insert (its default stored, not in the row) would make verify name every imported row: refuse.
 */
function asStored(table: string, cols: string[], bound: Record<string, unknown>[]): Record<string, unknown>[] {
  if (!bound.every((b) => sameKeys(b, cols))) throw new Error(`the import's ${table} rows do not match its columns`);
  return bound;
}
