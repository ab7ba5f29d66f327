import type { DeadlineInput, DeadlineRuleSet } from '../contract/deadlines';
import type { Incident } from '../contract/incidents';
import { computeDeadlines } from '../domain';

/**
 * The rows an incident holds in the maintained tables of migration 100 (open-deadlines.ts), from what
 * decides them: its record, its grade history, its reports and the rules in force. Pure, so the two
 * places that know these inputs compute the same rows: the refresh, which reads them back from the
 * database, and an import's preparing thread, which has them in hand for the records it is about to
 * write (import-prepare.ts).
 */
export interface OpenRows {
  /** open_incidents values: incident_id, last_activity_at. */
  incidents: [number, string][];
  /** open_deadlines values: incident_id, kind, start_at, due_at. */
  due: [number, string, string, string][];
}

export const noOpenRows = (): OpenRows => ({ incidents: [], due: [] });

/**
 * When anything last happened to an incident: its receipt, a change to its record (`changedAt`: its
 * updated_at once it has more than one version; not the act of recording it, so an import of last
 * year's records is not activity) or a report being drafted or sent (`lastReportAt`: the newest
 * report's updated_at).
 */
export function lastActivity(receivedAt: string, changedAt: string | null, lastReportAt: string | null): string {
  return [receivedAt, changedAt ?? '', lastReportAt ?? ''].reduce((a, b) => (b > a ? b : a));
}

/** Adds the incident's rows to `out`: none unless it is open, and only its unmet deadlines. */
export function addOpenRows(
  out: OpenRows,
  id: number,
  input: DeadlineInput,
  lastActivityAt: string,
  rules: DeadlineRuleSet['rules'],
): void {
  if (input.status !== 'open') return;
  out.incidents.push([id, lastActivityAt]);
  for (const d of computeDeadlines(input, rules)) if (!d.doneAt) out.due.push([id, d.kind, d.startAt, d.dueAt]);
}

/**
 * A record just created (by the form, or by an import with the reports it brings, sent and in order),
 * before anything else happens to it: its one version is its grade history, and its reports were
 * written with it.
 */
export function addNewIncidentRows(
  out: OpenRows,
  inc: Incident,
  reports: DeadlineInput['reports'],
  rules: DeadlineRuleSet['rules'],
): void {
  const grade = { at: inc.updatedAt, level: inc.level, sensitive: !!inc.sensitive };
  const input: DeadlineInput = {
    receivedAt: inc.receivedAt,
    level: inc.level,
    sensitive: grade.sensitive,
    status: inc.status,
    supplementaryDueFrom: inc.supplementaryDueFrom,
    history: [grade],
    reports,
  };
  addOpenRows(out, inc.id, input, lastActivity(inc.receivedAt, null, reports.length ? inc.createdAt : null), rules);
}
