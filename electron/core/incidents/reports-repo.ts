import { canonicalJson } from '../audit/canonical-json';
import { AppError } from '../contract/errors';
import { FIELD_LABELS_ZH, reportName } from '../contract/field-labels';
import { incidentFacts, type IncidentFacts, type Incident } from '../contract/incidents';
import type { Report } from '../contract/reports';
import type { ReportChannel, ReportKind } from '../contract/deadlines';
import {
  changesProse,
  futureIssues,
  localDateTime,
  missingForReport,
  needingOverride,
  reportOrderViolation,
} from '../domain';
import type { CoreContext } from '../context';
import { applyReportActs } from '../plans/report-acts';
import { getSettings } from '../settings/settings-repo';
import { findIncident, setIncidentStatus } from './incident-repo';
import { refreshOpenDeadlines } from './open-deadlines';
import { indexEntry } from './search-index';

interface ReportRow {
  id: number;
  incident_id: number;
  kind: ReportKind;
  seq: number;
  status: 'draft' | 'sent';
  recipient_unit: string;
  channel: ReportChannel | null;
  approving_leader: string | null;
  sender: string | null;
  sent_at: string | null;
  snapshot: string | null;
  changes: string;
  aftermath: string;
  other_notes: string;
  override_leader: string | null;
  override_reason: string | null;
  missing_fields: string;
  created_at: string;
  created_by: string;
  call_id: number | null;
}

async function toReport(r: ReportRow, live: () => Promise<IncidentFacts>): Promise<Report> {
  return {
    id: r.id,
    incidentId: r.incident_id,
    kind: r.kind,
    seq: r.seq,
    status: r.status,
    recipientUnit: r.recipient_unit,
    channel: r.channel,
    approvingLeader: r.approving_leader,
    sender: r.sender,
    sentAt: r.sent_at,
    snapshot: r.snapshot ? (JSON.parse(r.snapshot) as IncidentFacts) : await live(),
    changes: r.changes,
    aftermath: r.aftermath,
    otherNotes: r.other_notes,
    overrideLeader: r.override_leader,
    overrideReason: r.override_reason,
    missingFields: JSON.parse(r.missing_fields) as string[],
    callId: r.call_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export async function incidentReports(ctx: CoreContext, incidentId: number): Promise<Report[]> {
  const rows = (await ctx.sql.all('SELECT * FROM reports WHERE incident_id = ? ORDER BY id', [
    incidentId,
  ])) as ReportRow[];
  let facts: IncidentFacts | null = null;
  const out: Report[] = [];
  for (const r of rows)
    out.push(await toReport(r, async () => (facts ??= incidentFacts(await findIncident(ctx, incidentId)))));
  return out;
}

export async function findReport(ctx: CoreContext, id: number): Promise<Report> {
  const r = (await ctx.sql.get('SELECT * FROM reports WHERE id = ?', [id])) as ReportRow | undefined;
  if (!r) throw new AppError('not_found', { entity: 'report', id });
  return toReport(r, async () => incidentFacts(await findIncident(ctx, r.incident_id)));
}

/** 续报 states what changed since the last report, in an officer's prose (domain/change-prose.ts). */
export function changesSince(before: IncidentFacts, after: IncidentFacts, at: string, tz: string): string {
  return changesProse(before, after, at, tz);
}

export async function createDraft(ctx: CoreContext, input: { incidentId: number; kind: ReportKind }): Promise<Report> {
  return await ctx.tx(async (ctx) => {
    const inc = await findIncident(ctx, input.incidentId);
    if (inc.status === 'voided') throw new AppError('incident.voided', { number: inc.number });
    const reports = await incidentReports(ctx, inc.id);
    const draft = reports.find((r) => r.status === 'draft');
    if (draft) {
      if (draft.kind === input.kind) return draft;
      throw new AppError('report.draft_exists', { id: draft.id, kind: draft.kind });
    }
    const sent = reports.filter((r) => r.status === 'sent');
    const has = (k: ReportKind) => sent.some((r) => r.kind === k);
    const allowed =
      input.kind === 'initial'
        ? !has('initial')
        : input.kind === 'supplementary'
          ? inc.supplementaryDueFrom !== null
          : has('initial') && !has('final');
    if (!allowed) throw new AppError('report.order', { kind: input.kind });

    // 续报 and 补报 state what changed since the last written report; the phone report only lends its
    // recipient to a first 初报.
    const written = sent.filter((r) => r.kind !== 'phone');
    const last = written[written.length - 1];
    const seq =
      input.kind === 'followup' || input.kind === 'supplementary'
        ? sent.filter((r) => r.kind === input.kind).length + 1
        : 0;
    const changes = last
      ? changesSince(
          last.snapshot,
          incidentFacts(inc),
          ctx.clock.now().toISOString(),
          (await getSettings(ctx)).timeZone,
        )
      : '';
    const recipient = (last ?? sent[sent.length - 1])?.recipientUnit ?? (await getSettings(ctx)).reportRecipient;
    const now = ctx.clock.now().toISOString();
    const info = await ctx.sql.insert(
      `INSERT INTO reports (incident_id, kind, seq, status, recipient_unit, changes, created_at, created_by, updated_at)
         VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
      [inc.id, input.kind, seq, recipient, changes, now, await ctx.actor(), now],
    );
    const id = Number(info);
    await ctx.audit.appendRow(await ctx.actor(), 'report.draft', 'reports', id);
    await refreshOpenDeadlines(ctx, inc.id);
    return findReport(ctx, id);
  });
}

export async function updateDraft(
  ctx: CoreContext,
  input: { id: number; recipientUnit?: string; changes?: string; aftermath?: string; otherNotes?: string },
): Promise<Report> {
  return await ctx.tx(async (ctx) => {
    const r = await findReport(ctx, input.id);
    if (r.status !== 'draft') throw new AppError('report.not_draft', { id: r.id });
    await ctx.sql.run(
      `UPDATE reports SET recipient_unit = ?, changes = ?, aftermath = ?, other_notes = ?, updated_at = ? WHERE id = ?`,
      [
        input.recipientUnit ?? r.recipientUnit,
        input.changes ?? r.changes,
        input.aftermath ?? r.aftermath,
        input.otherNotes ?? r.otherNotes,
        ctx.clock.now().toISOString(),
        r.id,
      ],
    );
    await ctx.audit.appendRow(await ctx.actor(), 'report.update', 'reports', r.id);
    await refreshOpenDeadlines(ctx, r.incidentId);
    return findReport(ctx, r.id);
  });
}

export async function sendReport(
  ctx: CoreContext,
  input: {
    id: number;
    sentAt: string;
    channel: ReportChannel;
    recipientUnit: string;
    approvingLeader: string;
    sender: string;
    override?: { leader: string; reason: string };
  },
): Promise<Report> {
  return await ctx.tx(async (ctx) => {
    const r = await findReport(ctx, input.id);
    if (r.status !== 'draft') throw new AppError('report.not_draft', { id: r.id });
    let inc: Incident = await findIncident(ctx, r.incidentId);
    if (inc.status === 'voided') throw new AppError('incident.voided', { number: inc.number });
    const sentAt = new Date(input.sentAt).toISOString();
    const future = futureIssues('sentAt', sentAt, ctx.clock.now());
    if (future.length) throw new AppError('validation', undefined, future);
    if (Date.parse(sentAt) < Date.parse(inc.receivedAt))
      throw new AppError('validation', undefined, [{ path: 'sentAt', code: 'before_received' }]);
    const tz = (await getSettings(ctx)).timeZone;
    const earlier = (await incidentReports(ctx, inc.id)).filter((x) => x.status === 'sent');
    const previous = reportOrderViolation(r.kind, sentAt, earlier);
    if (previous) {
      throw new AppError(
        'report.out_of_order',
        {
          sentAt: localDateTime(sentAt, tz),
          previous: reportName(previous.kind, 0),
          previousAt: localDateTime(previous.sentAt, tz),
        },
        [{ path: 'sentAt', code: 'before_previous_report' }],
      );
    }
    const facts = incidentFacts(inc);
    const missing = missingForReport(facts, r.kind);
    const toOverride = needingOverride(missing, earlier);
    if (toOverride.length && !input.override) {
      throw new AppError(
        'report.missing_fields',
        { fields: toOverride.map((k) => FIELD_LABELS_ZH[k] ?? k).join('、') },
        toOverride.map((path) => ({
          path,
          code: r.kind === 'final' && path === 'economicLoss' ? 'figure_for_final' : 'required_for_report',
        })),
      );
    }
    // An override is recorded only when it covered something; fields let go in an earlier report are
    // listed as missing without asking the leader again.
    const overridden = toOverride.length > 0 && input.override;
    await ctx.sql.run(
      `UPDATE reports SET status = 'sent', sent_at = ?, channel = ?, recipient_unit = ?, approving_leader = ?,
           sender = ?, snapshot = ?, override_leader = ?, override_reason = ?, missing_fields = ?, updated_at = ?
         WHERE id = ?`,
      [
        sentAt,
        input.channel,
        input.recipientUnit,
        input.approvingLeader,
        input.sender,
        canonicalJson(facts),
        overridden ? input.override!.leader : null,
        overridden ? input.override!.reason : null,
        JSON.stringify(overridden || toOverride.length === 0 ? missing : []),
        ctx.clock.now().toISOString(),
        r.id,
      ],
    );
    await ctx.audit.appendRow(await ctx.actor(), overridden ? 'report.send_override' : 'report.send', 'reports', r.id);
    if (r.kind === 'final' || (r.kind === 'supplementary' && inc.status === 'open')) {
      inc = await setIncidentStatus(ctx, inc, 'closed', r.kind === 'final' ? '终报已报送' : '补报已报送');
    }
    await applyReportActs(ctx, inc.id);
    const sentReport = await findReport(ctx, r.id);
    await indexEntry(ctx, {
      kind: 'report',
      refId: r.id,
      incidentId: inc.id,
      at: sentAt,
      title: `${inc.number} ${inc.title}`,
      text: [inc.title, sentReport.recipientUnit, sentReport.changes, sentReport.aftermath, sentReport.otherNotes].join(
        ' ',
      ),
    });
    await refreshOpenDeadlines(ctx, inc.id);
    return sentReport;
  });
}
