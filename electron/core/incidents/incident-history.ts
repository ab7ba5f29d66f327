import { canonicalJson } from '../audit/canonical-json';
import { AppError, type FieldIssue } from '../contract/errors';
import { incidentFacts, type Incident } from '../contract/incidents';
import type { ImportedCall, ImportedReport } from '../contract/incident-import';
import type { CoreContext } from '../context';
import { futureIssues, missingForReport, needingOverride, reportOrderViolation } from '../domain';
import { setIncidentStatus } from './incident-repo';
import { changesSince } from './reports-repo';
import { indexEntry } from './search-index';

/**
 * An imported incident's reports and calls as brought from a previous system: checked with the rules the
 * report and call forms apply (order 初报 → 续报 → 终报, not before receipt nor in the future, not before
 * the previous report, the leader's override when required fields were empty), then written table by
 * table for a slice of incidents, each row with its audit entry as stored and its search entry. A 终报
 * closes the incident as sending one does. No plan is active on an incident being imported, so no
 * checklist item is ticked.
 */
export interface History {
  reports: ImportedReport[];
  calls: ImportedCall[];
}

interface PlannedReport {
  params: unknown[];
  kind: ImportedReport['kind'];
  channel: ImportedReport['channel'];
  override: boolean;
  search: string;
  sentAt: string;
}

export interface PlannedHistory {
  inc: Incident;
  reports: PlannedReport[];
  calls: ImportedCall[];
}

/** Checks the history against the incident (throws `validation` naming `reports.N.field`), returns the rows. */
export function planHistory(inc: Incident, h: History, now: Date, tz: string, actor: string): PlannedHistory {
  const facts = incidentFacts(inc);
  const snapshot = canonicalJson(facts);
  const at = now.toISOString();
  const earlier: {
    kind: ImportedReport['kind'];
    sentAt: string;
    missingFields: string[];
    overrideLeader: string | null;
  }[] = [];
  const reports = h.reports.map((r, k): PlannedReport => {
    const fail = (issues: FieldIssue[]) =>
      new AppError(
        'validation',
        undefined,
        issues.map((i) => ({ ...i, path: `reports.${k}.${i.path}` })),
      );
    const has = (kind: string) => earlier.some((e) => e.kind === kind);
    if (r.kind === 'initial' ? has('initial') : !has('initial') || has('final'))
      throw fail([{ path: 'kind', code: 'report_order' }]);
    const sentAt = new Date(r.sentAt).toISOString();
    const future = futureIssues('sentAt', sentAt, now);
    if (future.length) throw fail(future);
    if (Date.parse(sentAt) < Date.parse(inc.receivedAt)) throw fail([{ path: 'sentAt', code: 'before_received' }]);
    if (reportOrderViolation(r.kind, sentAt, earlier)) throw fail([{ path: 'sentAt', code: 'before_previous_report' }]);
    const missing = missingForReport(facts, r.kind);
    const toOverride = needingOverride(missing, earlier);
    if (toOverride.length && !r.override)
      throw fail(
        toOverride.map((path) => ({
          path,
          code: r.kind === 'final' && path === 'economicLoss' ? 'figure_for_final' : 'required_for_report',
        })),
      );
    const overridden = toOverride.length > 0 && r.override ? r.override : null;
    const missingFields = overridden || toOverride.length === 0 ? missing : [];
    const seq = r.kind === 'followup' ? earlier.filter((e) => e.kind === 'followup').length + 1 : 0;
    // The facts are those of the import for every report, so 续报/终报 state the change since the last one.
    const changes = earlier.length ? changesSince(facts, facts, at, tz) : '';
    earlier.push({ kind: r.kind, sentAt, missingFields, overrideLeader: overridden?.leader ?? null });
    return {
      kind: r.kind,
      channel: r.channel,
      override: !!overridden,
      sentAt,
      search: [inc.title, r.recipientUnit, changes, '', ''].join(' '),
      params: [
        inc.id,
        r.kind,
        seq,
        r.recipientUnit,
        r.channel,
        r.approvingLeader,
        r.sender,
        sentAt,
        snapshot,
        changes,
        overridden?.leader ?? null,
        overridden?.reason ?? null,
        JSON.stringify(missingFields),
        at,
        actor,
        at,
      ],
    };
  });
  const calls = h.calls.map((c, k) => {
    const future = futureIssues('at', new Date(c.at).toISOString(), now);
    if (future.length)
      throw new AppError(
        'validation',
        undefined,
        future.map((i) => ({ ...i, path: `calls.${k}.${i.path}` })),
      );
    return c;
  });
  return { inc, reports, calls };
}

const INSERT_REPORT = `INSERT INTO reports (incident_id, kind, seq, status, recipient_unit, channel, approving_leader,
  sender, sent_at, snapshot, changes, override_leader, override_reason, missing_fields, created_at, created_by, updated_at)
  VALUES (?, ?, ?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_CALL = `INSERT INTO calls (incident_id, at, direction, party, number, gist, created_at, created_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** Writes a slice's histories (after its incidents): reports, calls, then the closures by 终报. */
export async function writeHistories(
  ctx: CoreContext,
  slice: PlannedHistory[],
  now: Date,
  actor: string,
): Promise<void> {
  const at = now.toISOString();
  const reports: { h: PlannedHistory; r: PlannedHistory['reports'][number]; id: number }[] = [];
  for (const h of slice)
    for (const r of h.reports) reports.push({ h, r, id: await ctx.sql.insert(INSERT_REPORT, r.params) });
  const calls: { h: PlannedHistory; c: PlannedHistory['calls'][number]; id: number; at: string }[] = [];
  for (const h of slice)
    for (const c of h.calls) {
      const cAt = new Date(c.at).toISOString();
      const id = await ctx.sql.insert(INSERT_CALL, [h.inc.id, cAt, c.direction, c.party, c.number, c.gist, at, actor]);
      calls.push({ h, c, id, at: cAt });
    }
  const storedReports = await rowsById(
    ctx,
    'reports',
    reports.map((r) => r.id),
  );
  for (const { r, id } of reports)
    await ctx.audit.appendRow(
      actor,
      r.override ? 'report.send_override' : 'report.send',
      'reports',
      id,
      undefined,
      storedReports.get(id),
    );
  const storedCalls = await rowsById(
    ctx,
    'calls',
    calls.map((c) => c.id),
  );
  for (const { id } of calls)
    await ctx.audit.appendRow(actor, 'call.create', 'calls', id, undefined, storedCalls.get(id));
  for (const { h, r, id } of reports)
    await indexEntry(
      ctx,
      {
        kind: 'report',
        refId: id,
        incidentId: h.inc.id,
        at: r.sentAt,
        title: `${h.inc.number} ${h.inc.title}`,
        text: r.search,
      },
      true,
    );
  for (const { h, c, id, at: cAt } of calls)
    await indexEntry(
      ctx,
      {
        kind: 'call',
        refId: id,
        incidentId: h.inc.id,
        at: cAt,
        title: c.party,
        text: `${c.party} ${c.number} ${c.gist}`,
      },
      true,
    );
  for (const h of slice)
    if (h.reports.some((r) => r.kind === 'final')) await setIncidentStatus(ctx, h.inc, 'closed', '终报已报送');
}

async function rowsById(ctx: CoreContext, table: string, ids: number[]): Promise<Map<number, Record<string, unknown>>> {
  if (!ids.length) return new Map();
  const rows = await ctx.sql.all(`SELECT * FROM ${table} WHERE id BETWEEN ? AND ?`, [
    Math.min(...ids),
    Math.max(...ids),
  ]);
  return new Map((rows as Record<string, unknown>[]).map((r) => [r.id as number, r]));
}
