import { type Deadline, type DeadlineInput, type DeadlineState } from '../contract/deadlines';
import { computeDeadlines, deadlineStatus, urgencyRank } from '../domain';
import type { OpenDeadline } from '../contract/incident-methods';
import type { IncidentStatus, Level } from '../contract/incidents';
import type { CoreContext } from '../context';
import { currentRules } from './deadline-rules';
import { maintained } from './open-deadlines';
import { followingInstructions } from './log-repo';

type ReportBrief = DeadlineInput['reports'][number] & { incident_id: number };

/** Report summaries for many incidents in one query (list pages, the Now screen). */
export async function reportBriefs(
  ctx: CoreContext,
  incidentIds: number[],
): Promise<Map<number, DeadlineInput['reports']>> {
  const out = new Map<number, DeadlineInput['reports']>();
  if (!incidentIds.length) return out;
  const rows = (await ctx.sql.all(
    `SELECT incident_id, kind, status, channel, sent_at AS "sentAt" FROM reports
       WHERE incident_id IN (${ctx.sql.dialect.jsonIds}) ORDER BY id`,
    [JSON.stringify(incidentIds)],
  )) as ReportBrief[];
  for (const { incident_id, ...r } of rows) {
    const list = out.get(incident_id) ?? [];
    list.push(r);
    out.set(incident_id, list);
  }
  return out;
}

/**
 * The grade and sensitivity each incident had from each version on, collapsed to the changes: the
 * deadline engine follows a raise without back-dating (domain deadlines).
 */
export async function gradeHistories(
  ctx: CoreContext,
  incidentIds: number[],
): Promise<Map<number, DeadlineInput['history']>> {
  const out = new Map<number, NonNullable<DeadlineInput['history']>>();
  if (!incidentIds.length) return out;
  const rows = (await ctx.sql.all(
    `SELECT incident_id, at, ${ctx.sql.dialect.jsonText('facts', '$.level')} AS level,
       ${ctx.sql.dialect.jsonFlag('facts', '$.sensitive')} AS sensitive
       FROM incident_versions WHERE incident_id IN (${ctx.sql.dialect.jsonIds}) ORDER BY incident_id, version`,
    [JSON.stringify(incidentIds)],
  )) as { incident_id: number; at: string; level: Level; sensitive: number }[];
  for (const r of rows) {
    const list = out.get(r.incident_id) ?? [];
    const prev = list[list.length - 1];
    const sensitive = Boolean(r.sensitive);
    if (!prev || prev.level !== r.level || prev.sensitive !== sensitive)
      list.push({ at: r.at, level: r.level, sensitive });
    out.set(r.incident_id, list);
  }
  return out;
}

export interface DeadlineSubject {
  id: number;
  receivedAt: string;
  level: Level;
  sensitive: boolean;
  status: IncidentStatus;
  supplementaryDueFrom: string | null;
}

export async function deadlinesFor(ctx: CoreContext, subjects: DeadlineSubject[]): Promise<Map<number, Deadline[]>> {
  const rules = (await currentRules(ctx)).rules;
  const inputs = await deadlineInputs(ctx, subjects);
  return new Map(subjects.map((s) => [s.id, computeDeadlines(inputs.get(s.id)!, rules)]));
}

/** What the deadline engine needs of each incident: the subject with its grade history and reports. */
export async function deadlineInputs(
  ctx: CoreContext,
  subjects: DeadlineSubject[],
): Promise<Map<number, DeadlineInput>> {
  const ids = subjects.map((s) => s.id);
  const briefs = await reportBriefs(ctx, ids);
  const histories = await gradeHistories(ctx, ids);
  return new Map(
    subjects.map(({ id, ...s }) => [id, { ...s, history: histories.get(id), reports: briefs.get(id) ?? [] }]),
  );
}

export interface OpenDeadlineRow {
  incident_id: number;
  kind: Deadline['kind'];
  start_at: string;
  due_at: string;
  number: string;
  title: string;
  level: Level;
}

const OPEN_STATES: DeadlineState[] = ['on_time', 'due_soon', 'overdue'];

/** Rows of the maintained open_deadlines table (migration 100), with their state at `now`, most urgent first. */
export function urgentFirst(rows: OpenDeadlineRow[], now: Date): OpenDeadline[] {
  return rows
    .map((r) => {
      const { state } = deadlineStatus({ startAt: r.start_at, dueAt: r.due_at, doneAt: null }, now);
      return { r, state, rank: urgencyRank(state), due: Date.parse(r.due_at) };
    })
    .filter((x) => OPEN_STATES.includes(x.state))
    .sort((a, b) => a.rank - b.rank || a.due - b.due) // compareByUrgency, its keys computed once
    .map(({ r, state }) => ({
      kind: r.kind,
      startAt: r.start_at,
      dueAt: r.due_at,
      doneAt: null,
      incidentId: r.incident_id,
      incidentNumber: r.number,
      incidentTitle: r.title,
      level: r.level,
      state,
    }));
}

export const OPEN_DEADLINE_SQL = `SELECT d.incident_id, d.kind, d.start_at, d.due_at, i.number, i.title, i.level
  FROM open_deadlines d JOIN incidents i ON i.id = d.incident_id`;

/** Every deadline not yet met, overdue first (handover, notifications). */
export async function openDeadlines(ctx: CoreContext, now: Date): Promise<OpenDeadline[]> {
  if (!(await maintained(ctx))) return [];
  return urgentFirst((await ctx.sql.all(OPEN_DEADLINE_SQL)) as OpenDeadlineRow[], now);
}

/** Open incidents with their most urgent unmet deadline (handover, Now screen). */
export async function openIncidentsWithDeadlines(ctx: CoreContext, now: Date) {
  if (!(await maintained(ctx))) return [];
  const next = new Map<number, OpenDeadline>();
  for (const d of await openDeadlines(ctx, now)) if (!next.has(d.incidentId)) next.set(d.incidentId, d);
  const rows = (await ctx.sql.all(`SELECT i.id, i.number, i.title, i.level, i.received_at FROM open_incidents o
       JOIN incidents i ON i.id = o.incident_id ORDER BY i.received_at`)) as {
    id: number;
    number: string;
    title: string;
    level: Level;
    received_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    level: r.level,
    receivedAt: r.received_at,
    nextDeadline: next.get(r.id) ?? null,
  }));
}

/** 领导批示 still being followed. */
export async function openInstructions(ctx: CoreContext) {
  return (await followingInstructions(ctx)).map((i) => ({
    id: i.id,
    incidentId: i.incidentId,
    leader: i.leader,
    givenAt: i.givenAt,
    text: i.text,
    // The next shift must see whom it was passed to and what came back, not only the instruction.
    actions: i.actions.flatMap((a) =>
      a.kind === 'completed' ? [] : [{ kind: a.kind, at: a.at, party: a.party, text: a.text }],
    ),
  }));
}
