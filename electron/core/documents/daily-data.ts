import type { AuditHead } from '../contract/audit';
import type { DailyPeriodInput, Distribution } from '../contract/documents';
import type { Incident } from '../contract/incidents';
import type { Instruction } from '../contract/log-entries';
import type { Report } from '../contract/reports';
import type { Settings } from '../contract/settings';
import { fromLocalDateTime, localParts } from '../domain';
import type { CoreContext } from '../context';
import { rowToIncident, type IncidentRow } from '../incidents/incident-repo';
import { findInstruction } from '../incidents/log-repo';
import { incidentReports } from '../incidents/reports-repo';
import { getSettings } from '../settings/settings-repo';
import type { ActivePlanLine, OnDutyLine } from './daily-sources';
import type { Period } from './issue-numbers';
import { cnTime } from './wording';

export interface DailyData {
  period: Period & { label: string; isDay: boolean };
  settings: Settings;
  incidents: { incident: Incident; reports: Report[] }[];
  instructions: Instruction[];
  /** null: the data source is not available in this build (the section is left out, never invented). */
  plans: ActivePlanLine[] | null;
  onDuty: OnDutyLine[] | null;
  distribution: Distribution;
  auditHead: AuditHead | null;
  /** When the document is issued (masthead and 印发 date). */
  issuedAt: string;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function resolvePeriod(input: DailyPeriodInput, tz: string): DailyData['period'] {
  if (input.date) {
    const from = fromLocalDateTime(`${input.date} 00:00`, tz)!;
    const to = fromLocalDateTime(`${nextDay(input.date)} 00:00`, tz)!;
    const [y, m, d] = input.date.split('-').map(Number);
    return { from, to, year: y!, label: `${y}年${m}月${d}日`, isDay: true };
  }
  const from = new Date(input.from!).toISOString();
  const to = new Date(input.to!).toISOString();
  return {
    from,
    to,
    year: localParts(from, tz).year,
    label: `${cnTime(from, tz, true)}至${cnTime(to, tz)}`,
    isDay: false,
  };
}

export function gatherDaily(ctx: CoreContext, input: DailyPeriodInput): DailyData {
  const settings = getSettings(ctx);
  const period = resolvePeriod(input, settings.timeZone);
  const rows = ctx.db
    .prepare(
      `SELECT * FROM incidents WHERE received_at >= ? AND received_at < ? AND status != 'voided'
       ORDER BY received_at, id`,
    )
    .all(period.from, period.to) as IncidentRow[];
  const instructionIds = ctx.db
    .prepare('SELECT id FROM instructions WHERE given_at >= ? AND given_at < ? ORDER BY given_at, id')
    .pluck()
    .all(period.from, period.to) as number[];
  return {
    period,
    settings,
    incidents: rows.map((r) => ({ incident: rowToIncident(r), reports: incidentReports(ctx, r.id) })),
    instructions: instructionIds.map((id) => findInstruction(ctx, id)),
    plans: ctx.wiring.daily.activePlans?.(ctx, period) ?? null,
    onDuty: ctx.wiring.daily.onDuty?.(ctx, period) ?? null,
    distribution: { bao: '', song: '', fa: '', ...input.distribution },
    auditHead: ctx.audit.head(),
    issuedAt: ctx.clock.now().toISOString(),
  };
}
