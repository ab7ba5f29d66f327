import type { CoreContext } from '../context';
import type { Incident, IncidentStatus, Level } from '../contract/incidents';
import { STALE_AFTER_DAYS, SUMMARY_LIMIT, TOTAL_CAP, type DeadlineSummary } from '../contract/incident-methods';
import { OPEN_DEADLINE_SQL, deadlineInputs, urgentFirst, type DeadlineSubject, type OpenDeadlineRow } from './queries';
import { currentRules } from './deadline-rules';
import { addNewIncidentRows, addOpenRows, lastActivity, noOpenRows, type OpenRows } from './open-deadline-rows';

/**
 * The maintained tables of migration 100: unmet deadlines of open incidents and when each open incident
 * last saw activity. Deadlines come from the domain's computeDeadlines (open-deadline-rows.ts) under the
 * rules in force, so a rule change flows through; every write that can change an incident's deadlines
 * calls `refreshOpenDeadlines` inside its own transaction.
 */

interface SubjectRow {
  id: number;
  received_at: string;
  level: Level;
  sensitive: number;
  status: IncidentStatus;
  supplementary_due_from: string | null;
  version: number;
  updated_at: string;
}

const subjectSql = (ctx: CoreContext) => `SELECT id, received_at, level,
  ${ctx.sql.dialect.jsonFlag('facts', '$.sensitive')} AS sensitive, status,
  supplementary_due_from, version, updated_at FROM incidents`;

const subject = (r: SubjectRow): DeadlineSubject => ({
  id: r.id,
  receivedAt: r.received_at,
  level: r.level,
  sensitive: !!r.sensitive,
  status: r.status,
  supplementaryDueFrom: r.supplementary_due_from,
});

async function store(ctx: CoreContext, rows: SubjectRow[]): Promise<void> {
  const open = rows.filter((r) => r.status === 'open');
  const rules = (await currentRules(ctx)).rules;
  const inputs = await deadlineInputs(ctx, open.map(subject));
  // One grouped lookup for the slice (an import refreshes thousands), not one per incident.
  const lastReport = new Map(
    (await ctx.sql.arrays(
      `SELECT incident_id, max(updated_at) FROM reports
         WHERE incident_id IN (${ctx.sql.dialect.jsonIds}) GROUP BY incident_id`,
      [JSON.stringify(open.map((r) => r.id))],
    )) as [number, string][],
  );
  const out = noOpenRows();
  for (const r of open) {
    const activity = lastActivity(r.received_at, r.version > 1 ? r.updated_at : null, lastReport.get(r.id) ?? null);
    addOpenRows(out, r.id, inputs.get(r.id)!, activity, rules);
  }
  await insertOpenRows(ctx, out);
}

/** Writes rows computed for incidents that have none yet (a refresh deletes theirs first). */
export async function insertOpenRows(ctx: CoreContext, rows: OpenRows): Promise<void> {
  await insertRows(ctx, 'open_incidents (incident_id, last_activity_at)', rows.incidents);
  await insertRows(ctx, 'open_deadlines (incident_id, kind, start_at, due_at)', rows.due);
}

/**
 * On PostgreSQL in multi-row INSERTs of up to 100: an import stores tens of thousands, and a statement
 * per row costs a round trip each. SQLite has no round trip, and one compiled single-row statement binds
 * faster than a 400-value one (measured: half the time for an import's rows).
 */
async function insertRows(ctx: CoreContext, into: string, rows: readonly unknown[][]): Promise<void> {
  if (!rows.length) return;
  const tuple = `(${rows[0]!.map(() => '?').join(', ')})`;
  if (ctx.sql.engine === 'sqlite') {
    const one = `INSERT INTO ${into} VALUES ${tuple}`;
    for (const r of rows) await ctx.sql.run(one, r);
    return;
  }
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    await ctx.sql.run(`INSERT INTO ${into} VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

const present = new WeakMap<object, boolean>();

/**
 * False on a database not yet at migration 100. The app always migrates before serving; only upgrade
 * tests drive a service over an older schema, and there writes skip the tables and reads find nothing.
 */
export async function maintained(ctx: CoreContext): Promise<boolean> {
  let known = present.get(ctx.sql.origin);
  if (known === undefined) {
    known = !!(await ctx.sql.get(ctx.sql.dialect.tableExists, ['derived_state']));
    present.set(ctx.sql.origin, known);
  }
  return known;
}

const deferred = new WeakMap<object, Set<number>>();

/** Recomputes one incident's rows. Caller holds the transaction of the write that changed it. */
export async function refreshOpenDeadlines(ctx: CoreContext, incidentId: number): Promise<void> {
  if (!(await maintained(ctx))) return;
  const batch = deferred.get(ctx.sql);
  if (batch) return void batch.add(incidentId);
  await ctx.sql.run('DELETE FROM open_deadlines WHERE incident_id = ?', [incidentId]);
  await ctx.sql.run('DELETE FROM open_incidents WHERE incident_id = ?', [incidentId]);
  await store(ctx, (await ctx.sql.all(`${subjectSql(ctx)} WHERE id = ?`, [incidentId])) as SubjectRow[]);
}

/**
 * A new incident's rows, from the record in hand: it has none yet, nor any report, so there is nothing
 * to delete or read back. Caller holds the transaction that created it.
 */
export async function storeNewIncident(ctx: CoreContext, inc: Incident): Promise<void> {
  if (!(await maintained(ctx))) return;
  const batch = deferred.get(ctx.sql);
  if (batch) return void batch.add(inc.id);
  const out = noOpenRows();
  addNewIncidentRows(out, inc, [], (await currentRules(ctx)).rules);
  await insertOpenRows(ctx, out);
}

/**
 * Runs a batch of writes (an import) with the refreshes collected and done once at the end, a slice of
 * incidents per query instead of several queries per incident; still inside the caller's transaction.
 */
export async function withDeferredRefresh<T>(ctx: CoreContext, fn: () => Promise<T>): Promise<T> {
  if (!ctx.sql.inTransaction) throw new Error("deferred refreshes need the caller's transaction");
  const ids = new Set<number>();
  // Keyed by the transaction's own port: only writes in this transaction defer.
  deferred.set(ctx.sql, ids);
  let result: T;
  try {
    result = await fn();
  } finally {
    deferred.delete(ctx.sql);
  }
  await refreshMany(ctx, [...ids]);
  return result;
}

async function refreshMany(ctx: CoreContext, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    const slice = JSON.stringify(ids.slice(i, i + 1000));
    await ctx.sql.run(`DELETE FROM open_deadlines WHERE incident_id IN (${ctx.sql.dialect.jsonIds})`, [slice]);
    await ctx.sql.run(`DELETE FROM open_incidents WHERE incident_id IN (${ctx.sql.dialect.jsonIds})`, [slice]);
    await store(ctx, await subjects(ctx, slice));
  }
}

/** Recomputes every open incident's rows (a new rule set, a new build). Caller holds the transaction. */
export async function rebuildOpenDeadlines(ctx: CoreContext): Promise<void> {
  if (!(await maintained(ctx))) return;
  await ctx.sql.run('DELETE FROM open_deadlines');
  await ctx.sql.run('DELETE FROM open_incidents');
  const ids = (await ctx.sql.column("SELECT id FROM incidents WHERE status = 'open' ORDER BY id")) as number[];
  // In slices: one report lookup per slice rather than one per incident, and bounded memory at 1M.
  for (let i = 0; i < ids.length; i += 1000)
    await store(ctx, await subjects(ctx, JSON.stringify(ids.slice(i, i + 1000))));
}

const subjects = (ctx: CoreContext, idsJson: string) =>
  ctx.sql.all<SubjectRow>(`${subjectSql(ctx)} WHERE id IN (${ctx.sql.dialect.jsonIds})`, [idsJson]);

const STAMP = 'open_deadlines';

/**
 * Builds the tables when this app version has not built them yet (a new database, an upgrade: a new
 * release may compute deadlines differently). Idempotent; a no-op on the usual start.
 */
export async function ensureOpenDeadlines(ctx: CoreContext): Promise<void> {
  if (!(await maintained(ctx))) return;
  const stamp = await ctx.sql.value('SELECT stamp FROM derived_state WHERE name = ?', [STAMP]);
  if (stamp === ctx.appVersion) return;
  await ctx.tx(async (ctx) => {
    await rebuildOpenDeadlines(ctx);
    await ctx.sql.run(
      'INSERT INTO derived_state (name, stamp) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET stamp = excluded.stamp',
      [STAMP, ctx.appVersion],
    );
  });
}

/**
 * The home screen's data from the maintained tables: a few index lookups whatever the number of
 * records. Incidents quiet for STALE_AFTER_DAYS are counted and listed apart, so ten years of
 * never-closed imports cannot bury today's deadlines.
 */
export async function deadlineSummary(ctx: CoreContext, now: Date): Promise<DeadlineSummary> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString();
  const active = urgentFirst(
    (await ctx.sql.all(
      `${OPEN_DEADLINE_SQL} JOIN open_incidents o ON o.incident_id = d.incident_id WHERE o.last_activity_at >= ?`,
      [cutoff],
    )) as OpenDeadlineRow[],
    now,
  );
  const openIncidents = (await ctx.sql.value('SELECT count(*) FROM open_incidents WHERE last_activity_at >= ?', [
    cutoff,
  ])) as number;
  const stale = (await ctx.sql.value(
    `SELECT count(*) FROM (SELECT 1 FROM open_incidents WHERE last_activity_at < ? LIMIT ${TOTAL_CAP + 1}) AS capped`,
    [cutoff],
  )) as number;
  const staleRows = (await ctx.sql.all(
    `SELECT i.id, i.number, i.title, i.level, i.received_at, o.last_activity_at FROM open_incidents o
       JOIN incidents i ON i.id = o.incident_id WHERE o.last_activity_at < ? ORDER BY o.last_activity_at LIMIT ?`,
    [cutoff, SUMMARY_LIMIT],
  )) as {
    id: number;
    number: string;
    title: string;
    level: Level;
    received_at: string;
    last_activity_at: string;
  }[];
  return {
    at: now.toISOString(),
    deadlines: active.slice(0, SUMMARY_LIMIT),
    counts: {
      overdue: active.filter((d) => d.state === 'overdue').length,
      dueSoon: active.filter((d) => d.state === 'due_soon').length,
      openIncidents,
      stale: Math.min(stale, TOTAL_CAP),
      staleCapped: stale > TOTAL_CAP,
    },
    stale: staleRows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      level: r.level,
      receivedAt: r.received_at,
      lastActivityAt: r.last_activity_at,
    })),
    staleAfterDays: STALE_AFTER_DAYS,
  };
}
