import type { AuditHead } from '../contract/audit';
import type { DailyPeriodInput, Distribution, SensitiveIncident } from '../contract/documents';
import type { Incident, IncidentFacts, IncidentStatus } from '../contract/incidents';
import type { Instruction } from '../contract/log-entries';
import type { Report } from '../contract/reports';
import type { Settings } from '../contract/settings';
import type { CoreContext } from '../context';
import { rowToIncident, type IncidentRow } from '../incidents/incident-rows';
import { findInstruction } from '../incidents/log-repo';
import { incidentReports } from '../incidents/reports-repo';
import { getSettings } from '../settings/settings-repo';
import { instructionIds, ongoingRows } from './daily-activity';
import type { ActivePlanLine, OnDutyLine } from './daily-sources';
import { calendarDay, resolvePeriod as periodOf, type DailyPeriod } from './period';
import { incidentPlanEvents } from './plans-source';
import { incidentAsOf, progressInPeriod, type ProgressLine } from './progress';

export interface DailyIncident {
  incident: Incident;
  /** Facts and status as they stood at the end of the period. */
  facts: IncidentFacts;
  status: IncidentStatus;
  /** Reports sent before the end of the period. */
  reports: Report[];
  /** Received in the period (else an ongoing incident with activity in it). */
  isNew: boolean;
  /** 处置进展 in the period (ongoing incidents). */
  progress: ProgressLine[];
}

export interface DailyData {
  period: DailyPeriod;
  settings: Settings;
  incidents: DailyIncident[];
  instructions: Instruction[];
  /** null: the data source is not available in this build (the section is left out, never invented). */
  plans: ActivePlanLine[] | null;
  onDuty: OnDutyLine[] | null;
  distribution: Distribution;
  /** Sensitive incidents of the period, and whether this issue carries them. */
  sensitive: SensitiveIncident[];
  auditHead: AuditHead | null;
  auditEntries: number;
  /** When the document is issued (masthead and 印发 date). */
  issuedAt: string;
}

/** A calendar day's bounds, as the log export reads them (`date` there is a calendar day). */
export function resolvePeriod(input: { date: string }, tz: string): { from: string; to: string } {
  return calendarDay(input.date, tz);
}

export async function gatherDaily(ctx: CoreContext, input: DailyPeriodInput): Promise<DailyData> {
  const settings = await getSettings(ctx);
  const tz = settings.timeZone;
  const period = await periodOf(ctx, input, tz);
  const distribution: Distribution = { ...settings.distribution, ...input.distribution };
  const rows = await ctx.sql.all<IncidentRow>(
    `SELECT * FROM incidents WHERE received_at >= ? AND received_at < ? AND status != 'voided'
       ORDER BY received_at, id`,
    [period.from, period.to],
  );
  const ongoing = await ongoingRows(ctx, period.from, period.to);
  const allInstructions: Instruction[] = [];
  for (const id of await instructionIds(ctx, period.from, period.to))
    allInstructions.push(await findInstruction(ctx, id));

  const entries: DailyIncident[] = [];
  for (const [row, isNew] of [...rows.map((r) => [r, true] as const), ...ongoing.map((r) => [r, false] as const)]) {
    const incident = rowToIncident(row);
    const asOf = (await incidentAsOf(ctx, incident.id, period.to)) ?? { facts: incident, status: incident.status };
    const reports = (await incidentReports(ctx, incident.id)).filter(
      (r) => r.status === 'sent' && r.sentAt && r.sentAt < period.to,
    );
    const progress = isNew
      ? []
      : await progressInPeriod(ctx, period, tz, {
          incidentId: incident.id,
          reports,
          instructions: allInstructions.filter((i) => i.incidentId === incident.id),
          planEvents: await incidentPlanEvents(ctx, incident.id, period.to, tz),
        });
    if (!isNew && !progress.length) continue;
    entries.push({ incident, facts: asOf.facts, status: asOf.status, reports, isNew, progress });
  }

  // A downward (发) issue leaves sensitive incidents out unless the issuer names them; the upper level
  // learns of them by 专报. Their instructions and responses go with them.
  const downward = distribution.fa.trim() !== '';
  const chosen = new Set(input.includeSensitive ?? []);
  const sensitive = entries
    .filter((e) => e.facts.sensitive)
    .map((e) => ({
      id: e.incident.id,
      number: e.incident.number,
      title: e.facts.title,
      included: !downward || chosen.has(e.incident.id),
    }));
  const left = new Set(sensitive.filter((s) => !s.included).map((s) => s.id));
  const keep = (incidentId: number | null) => incidentId == null || !left.has(incidentId);

  const plans = (await ctx.wiring.daily.activePlans?.(ctx, period)) ?? null;
  const auditHead = await ctx.audit.head();
  return {
    period,
    settings,
    incidents: entries.filter((e) => keep(e.incident.id)),
    instructions: allInstructions.filter((i) => keep(i.incidentId)),
    plans: plans && plans.filter((p) => keep(p.incidentId)),
    onDuty: (await ctx.wiring.daily.onDuty?.(ctx, period)) ?? null,
    distribution,
    sensitive,
    auditHead,
    auditEntries: auditHead?.id ?? 0,
    issuedAt: ctx.clock.now().toISOString(),
  };
}
