import type { IncidentFacts, IncidentStatus } from '../contract/incidents';
import type { Instruction } from '../contract/log-entries';
import type { Report } from '../contract/reports';
import { figuresChanged } from '../domain';
import type { CoreContext } from '../context';
import { cnTime, reportSentText } from './wording';

interface VersionRow {
  at: string;
  kind: string;
  status: IncidentStatus;
  facts: string;
}

export interface IncidentAsOf {
  facts: IncidentFacts;
  status: IncidentStatus;
}

/** The versions of an incident recorded before `until`, oldest first. */
async function versionsBefore(
  ctx: CoreContext,
  incidentId: number,
  until: string,
): Promise<(VersionRow & { f: IncidentFacts })[]> {
  return (
    (await ctx.sql.all(
      'SELECT at, kind, status, facts FROM incident_versions WHERE incident_id = ? AND at < ? ORDER BY version',
      [incidentId, until],
    )) as VersionRow[]
  ).map((v) => ({ ...v, f: JSON.parse(v.facts) as IncidentFacts }));
}

/** The incident's facts as they stood at `until`: a past period's document tells what was known then. */
export async function incidentAsOf(ctx: CoreContext, incidentId: number, until: string): Promise<IncidentAsOf | null> {
  const v = (await versionsBefore(ctx, incidentId, until)).at(-1);
  return v ? { facts: v.f, status: v.status } : null;
}

export interface ProgressLine {
  at: string;
  text: string;
}

interface ProgressInput {
  incidentId: number;
  reports: Report[];
  instructions: Instruction[];
  /** Plan events of the incident, already worded with their times (plans-source). */
  planEvents: ProgressLine[];
}

/**
 * 处置进展 of an ongoing incident: only what happened in the period, in time order — casualty and loss
 * changes ("11月23日15时30分，死亡人数由2人增至3人"), reports sent, leaders' instructions, responses
 * started, raised or ended, and the end of on-scene handling.
 */
export async function progressInPeriod(
  ctx: CoreContext,
  period: { from: string; to: string },
  tz: string,
  p: ProgressInput,
): Promise<ProgressLine[]> {
  const { from, to } = period;
  const lines: ProgressLine[] = [];
  const versions = await versionsBefore(ctx, p.incidentId, to);
  versions.forEach((v, i) => {
    const prev = versions[i - 1];
    if (!prev || v.at < from) return;
    const figures = figuresChanged(prev.f, v.f);
    if (figures) lines.push({ at: v.at, text: `${cnTime(v.at, tz)}，${figures}。` });
    if (v.status === 'closed' && prev.status !== 'closed')
      lines.push({ at: v.at, text: `${cnTime(v.at, tz)}，现场处置结束。` });
  });
  for (const r of p.reports)
    if (r.sentAt && r.sentAt >= from && r.sentAt < to)
      lines.push({ at: r.sentAt, text: `${cnTime(r.sentAt, tz)}，${reportSentText(r)}。` });
  for (const ins of p.instructions)
    if (ins.givenAt >= from && ins.givenAt < to)
      lines.push({ at: ins.givenAt, text: `${cnTime(ins.givenAt, tz)}，${ins.leader}作出批示（见领导批示情况）。` });
  lines.push(...p.planEvents.filter((e) => e.at >= from && e.at < to));
  return lines.sort((a, b) => a.at.localeCompare(b.at));
}
