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
export function incidentBatch(ctx: CoreContext): {
  add(input: IncidentFacts, history?: History): Incident;
  flush(): void;
} {
  const now = ctx.clock.now();
  const actor = ctx.actor();
  let id = (ctx.db.prepare('SELECT max(id) FROM incidents').pluck().get() as number | null) ?? 0;
  let number: string | null = null;
  const tz = getSettings(ctx).timeZone;
  let pending: { inc: Incident; facts: IncidentFacts; applied: string | null; history: PlannedHistory | null }[] = [];

  const flush = () => {
    if (!pending.length) return;
    const slice = pending;
    pending = [];
    const insertRow = ctx.db.prepare(INSERT_ROW_SQL);
    const factsJson = slice.map(({ inc, facts }) => {
      const params = rowParams(inc, facts);
      insertRow.run(params);
      return params.facts as string;
    });
    const insertVersion = ctx.db.prepare(INSERT_VERSION_SQL);
    const versionIds = slice.map(({ inc, facts, applied }, k) =>
      Number(insertVersion.run(...versionArgs(inc, 'created', applied, factsJson[k], facts)).lastInsertRowid),
    );
    // The rows as stored, read back in two range scans (cheaper than INSERT … RETURNING row by row), so
    // each entry records what verify will compare.
    const rows = byId(ctx, 'incidents', slice[0]!.inc.id, slice[slice.length - 1]!.inc.id);
    const versions = byId(ctx, 'incident_versions', Math.min(...versionIds), Math.max(...versionIds));
    slice.forEach(({ inc }, k) => {
      ctx.audit.appendRow(actor, 'incident.create', 'incidents', inc.id, undefined, rows.get(inc.id));
      const vid = versionIds[k]!;
      ctx.audit.appendRow(actor, 'incident.created', 'incident_versions', vid, undefined, versions.get(vid));
    });
    for (const { inc } of slice) indexEntry(ctx, incidentEntry(inc), true);
    const histories = slice.flatMap(({ history }) => (history ? [history] : []));
    if (histories.length) writeHistories(ctx, histories, now, actor);
    for (const { inc } of slice) refreshOpenDeadlines(ctx, inc.id);
  };

  return {
    add(input, history) {
      const { facts, applied } = gradedFacts(input);
      checkTimes(ctx, facts);
      number = number === null ? nextNumber(ctx, now) : followingNumber(ctx, number, now);
      const inc = newIncident(facts, ++id, number, now, actor);
      const planned = history ? planHistory(inc, history, now, tz, actor) : null;
      pending.push({ inc, facts, applied, history: planned });
      if (pending.length >= SLICE) flush();
      return inc;
    },
    flush,
  };
}

/** Stored rows by id, their columns in sorted order (the audit payload's canonical order). */
function byId(ctx: CoreContext, table: string, lo: number, hi: number): Map<number, Record<string, unknown>> {
  const rows = ctx.db.prepare(`SELECT ${sortedColumns(ctx, table)} FROM ${table} WHERE id BETWEEN ? AND ?`).all(lo, hi);
  return new Map((rows as Record<string, unknown>[]).map((r) => [r.id as number, r]));
}
