import type { IncidentFacts, Incident } from '../contract/incidents';
import type { CoreContext } from '../context';
import { checkTimes, gradedFacts, newIncident } from './incident-repo';
import {
  INSERT_ROW_SQL,
  INSERT_VERSION_SQL,
  followingNumber,
  nextNumber,
  rowParams,
  sortedColumns,
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
    const factsJson: string[] = [];
    for (const { inc, facts } of slice) {
      const params = rowParams(inc, facts);
      await ctx.sql.run(INSERT_ROW_SQL, params);
      factsJson.push(params.facts as string);
    }
    const versionIds: number[] = [];
    for (const [k, { inc, facts, applied }] of slice.entries())
      versionIds.push(
        await ctx.sql.insert(INSERT_VERSION_SQL, versionArgs(inc, 'created', applied, factsJson[k], facts)),
      );
    // The rows as stored, read back in two range scans (cheaper than INSERT … RETURNING row by row), so
    // each entry records what verify will compare.
    const rows = await byId(ctx, 'incidents', slice[0]!.inc.id, slice[slice.length - 1]!.inc.id);
    const versions = await byId(ctx, 'incident_versions', Math.min(...versionIds), Math.max(...versionIds));
    for (const [k, { inc }] of slice.entries()) {
      await ctx.audit.appendRow(actor, 'incident.create', 'incidents', inc.id, undefined, rows.get(inc.id));
      const vid = versionIds[k]!;
      await ctx.audit.appendRow(actor, 'incident.created', 'incident_versions', vid, undefined, versions.get(vid));
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

/** Stored rows by id, their columns in sorted order (the audit payload's canonical order). */
async function byId(
  ctx: CoreContext,
  table: string,
  lo: number,
  hi: number,
): Promise<Map<number, Record<string, unknown>>> {
  const rows = await ctx.sql.all(`SELECT ${await sortedColumns(ctx, table)} FROM ${table} WHERE id BETWEEN ? AND ?`, [
    lo,
    hi,
  ]);
  return new Map((rows as Record<string, unknown>[]).map((r) => [r.id as number, r]));
}
