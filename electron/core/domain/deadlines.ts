import type {
  ClockChoice,
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

/**
 * Which row of the table an incident runs on. 未定级 runs on the 较大 row, never the laxer 一般 row: an
 * incident nobody has graded yet may well turn out serious. Sensitive information is reported whatever
 * its grade, on the strictest of its row and 重大.
 */
export function clockFor(level: Level, sensitive: boolean): ClockChoice {
  const own = level === 'unrated' ? 'III' : level;
  if (sensitive && (own === 'III' || own === 'IV')) return { rule: 'II', why: 'sensitive' };
  return { rule: own, why: level === 'unrated' ? 'unrated' : 'level' };
}

export function effectiveRule(rules: DeadlineRuleSet['rules'], level: Level, sensitive: boolean): DeadlineRule {
  const base = rules[level === 'unrated' ? 'III' : level];
  if (!sensitive) return base;
  const strict = rules.II;
  return {
    phoneMinutes: Math.min(base.phoneMinutes, strict.phoneMinutes),
    writtenMinutes: Math.min(base.writtenMinutes, strict.writtenMinutes),
    followupMinutes: Math.min(base.followupMinutes, strict.followupMinutes),
  };
}

type Segment = { at: string; level: Level; sensitive: boolean };
type Window = 'phoneMinutes' | 'writtenMinutes' | 'followupMinutes';

/**
 * The due time of one deadline started at `start`, following the grade through its changes. A change of
 * grade moves the due time to what the new grade allows from the same start, except that a raise never
 * back-dates: a due time that would fall before the raise becomes the raise itself ("due now"). A
 * deadline met before a change was judged by the grade of its time and stays as it was; one already
 * overdue before a raise stays overdue from its old due time.
 */
function dueThrough(
  start: string,
  window: Window,
  rules: DeadlineRuleSet['rules'],
  history: Segment[],
  doneAt: string | null,
): Pick<Deadline, 'dueAt' | 'dueFromChange'> {
  const startMs = Date.parse(start);
  const minutes = (s: Segment) => effectiveRule(rules, s.level, s.sensitive)[window];
  let i = 0;
  while (i + 1 < history.length && Date.parse(history[i + 1]!.at) <= startMs) i++;
  let due = startMs + minutes(history[i]!) * MIN;
  let fromChange: number | undefined;
  for (const c of history.slice(i + 1)) {
    const at = Date.parse(c.at);
    if (doneAt && Date.parse(doneAt) <= at) break;
    const next = startMs + minutes(c) * MIN;
    if (next >= at) {
      due = next;
      fromChange = undefined;
    } else if (due >= at) {
      due = at;
      fromChange = at;
    }
  }
  const out: Pick<Deadline, 'dueAt' | 'dueFromChange'> = { dueAt: new Date(due).toISOString() };
  if (fromChange !== undefined) out.dueFromChange = new Date(fromChange).toISOString();
  return out;
}

/**
 * Every deadline of one incident, met or not. The clock starts at received-at: the phone report is met
 * by the first report of any kind (the phone report itself, or a written one that came first), the
 * written one by the first sent by fax or e-document; after the initial report a follow-up is due every
 * interval from the last written report, until the final; a casualty change after the final report
 * opens a supplementary report (补报).
 */
export function computeDeadlines(input: DeadlineInput, rules: DeadlineRuleSet['rules']): Deadline[] {
  if (input.status === 'voided') return [];
  const history: Segment[] = input.history?.length
    ? input.history
    : [{ at: input.receivedAt, level: input.level, sensitive: input.sensitive }];
  const sent = input.reports
    .filter((r) => r.status === 'sent' && r.sentAt)
    .sort((a, b) => Date.parse(a.sentAt!) - Date.parse(b.sentAt!));
  const written = sent.filter((r) => r.kind !== 'phone');
  const firstSent = sent[0]?.sentAt ?? null;
  const firstWritten = sent.find((r) => r.channel && WRITTEN_CHANNELS.includes(r.channel))?.sentAt ?? null;
  const deadline = (kind: Deadline['kind'], startAt: string, window: Window, doneAt: string | null): Deadline => ({
    kind,
    startAt,
    ...dueThrough(startAt, window, rules, history, doneAt),
    doneAt,
  });
  const out: Deadline[] = [
    deadline('phone', input.receivedAt, 'phoneMinutes', firstSent),
    deadline('written', input.receivedAt, 'writtenMinutes', firstWritten),
  ];
  const finalSent = written.find((r) => r.kind === 'final');
  const initialSent = written.find((r) => r.kind === 'initial');
  if (initialSent && !finalSent && input.status === 'open') {
    out.push(deadline('followup', written[written.length - 1]!.sentAt!, 'followupMinutes', null));
  }
  if (input.supplementaryDueFrom) {
    const from = input.supplementaryDueFrom;
    const done = sent.find((r) => r.kind === 'supplementary' && Date.parse(r.sentAt!) >= Date.parse(from));
    out.push(deadline('supplementary', from, 'writtenMinutes', done?.sentAt ?? null));
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

/**
 * The first key of compareByUrgency, for sorting hundreds of deadlines at once: the comparator parses
 * both dates on every comparison (600 deadlines: 16 ms); rank and due time computed once each are not.
 */
export const urgencyRank = (state: DeadlineState): number => URGENCY[state];
