import type {
  Deadline,
  DeadlineInput,
  DeadlineRule,
  DeadlineRuleSet,
  DeadlineState,
  DeadlineStatus,
  Level,
} from '../contract';
import { WRITTEN_CHANNELS } from '../contract/deadlines';

const MIN = 60_000;
const plus = (iso: string, minutesToAdd: number) => new Date(Date.parse(iso) + minutesToAdd * MIN).toISOString();

/** Unrated incidents run on the 一般 clock; sensitive ones on the strictest of their level and 重大. */
export function effectiveRule(rules: DeadlineRuleSet['rules'], level: Level, sensitive: boolean): DeadlineRule {
  const base = rules[level === 'unrated' ? 'IV' : level];
  if (!sensitive) return base;
  const strict = rules.II;
  return {
    phoneMinutes: Math.min(base.phoneMinutes, strict.phoneMinutes),
    writtenMinutes: Math.min(base.writtenMinutes, strict.writtenMinutes),
    followupMinutes: Math.min(base.followupMinutes, strict.followupMinutes),
  };
}

/**
 * Every deadline of one incident, met or not. The clock starts at received-at: the phone report is met
 * by the first report sent by any channel, the written one by the first sent by fax or e-document;
 * after the initial report a follow-up is due every interval from the last report sent, until the
 * final; a casualty change after the final report opens a supplementary report (补报).
 */
export function computeDeadlines(input: DeadlineInput, rules: DeadlineRuleSet['rules']): Deadline[] {
  if (input.status === 'voided') return [];
  const rule = effectiveRule(rules, input.level, input.sensitive);
  const sent = input.reports
    .filter((r) => r.status === 'sent' && r.sentAt)
    .sort((a, b) => Date.parse(a.sentAt!) - Date.parse(b.sentAt!));
  const firstSent = sent[0]?.sentAt ?? null;
  const firstWritten = sent.find((r) => r.channel && WRITTEN_CHANNELS.includes(r.channel))?.sentAt ?? null;
  const out: Deadline[] = [
    { kind: 'phone', startAt: input.receivedAt, dueAt: plus(input.receivedAt, rule.phoneMinutes), doneAt: firstSent },
    {
      kind: 'written',
      startAt: input.receivedAt,
      dueAt: plus(input.receivedAt, rule.writtenMinutes),
      doneAt: firstWritten,
    },
  ];
  const finalSent = sent.find((r) => r.kind === 'final');
  const initialSent = sent.find((r) => r.kind === 'initial');
  if (initialSent && !finalSent && input.status === 'open') {
    const last = sent[sent.length - 1]!.sentAt!;
    out.push({ kind: 'followup', startAt: last, dueAt: plus(last, rule.followupMinutes), doneAt: null });
  }
  if (input.supplementaryDueFrom) {
    const from = input.supplementaryDueFrom;
    const done = sent.find((r) => r.kind === 'supplementary' && Date.parse(r.sentAt!) >= Date.parse(from));
    out.push({
      kind: 'supplementary',
      startAt: from,
      dueAt: plus(from, rule.writtenMinutes),
      doneAt: done?.sentAt ?? null,
    });
  }
  return out;
}

/** Amber at 25 % of the window left, red once past due. */
export function deadlineStatus(d: Pick<Deadline, 'startAt' | 'dueAt' | 'doneAt'>, now: Date): DeadlineStatus {
  const due = Date.parse(d.dueAt);
  if (d.doneAt) {
    const margin = due - Date.parse(d.doneAt);
    return { state: margin >= 0 ? 'done' : 'done_late', remainingMs: margin };
  }
  const remainingMs = due - now.getTime();
  if (remainingMs < 0) return { state: 'overdue', remainingMs };
  const windowMs = due - Date.parse(d.startAt);
  return { state: remainingMs <= windowMs * 0.25 ? 'due_soon' : 'on_time', remainingMs };
}

const URGENCY: Record<DeadlineState, number> = { overdue: 0, due_soon: 1, on_time: 2, done_late: 3, done: 4 };

/** Overdue first, then by how soon they fall due. */
export function compareByUrgency(
  a: { status: DeadlineStatus; dueAt: string },
  b: { status: DeadlineStatus; dueAt: string },
) {
  return URGENCY[a.status.state] - URGENCY[b.status.state] || Date.parse(a.dueAt) - Date.parse(b.dueAt);
}
