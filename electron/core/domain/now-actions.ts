import type { ActiveResponseRow, HandoverDue, OpenDeadline, PendingInstruction, ShiftHandover } from '../contract';
import { deadlineStatus } from './deadlines';

/** The handover joins the action list this long before the shift ends (issue 14: "within e.g. 60 min"). */
export const HANDOVER_DUE_WINDOW_MS = 60 * 60_000;

/** How an item of the Now desk's one list stands; `waiting` has no due time (a 批示 awaiting 反馈). */
export type NowUrgency = 'overdue' | 'due_soon' | 'on_time' | 'waiting';

interface Base {
  key: string;
  urgency: NowUrgency;
  /** Negative once overdue; for `waiting`, minus the time spent waiting (counts up). */
  remainingMs: number;
}
export type NowAction = Base &
  (
    | { kind: 'deadline'; deadline: OpenDeadline }
    | {
        kind: 'checklist';
        dueAt: string;
        action: string;
        response: Pick<
          ActiveResponseRow,
          'activationId' | 'incidentId' | 'incidentNumber' | 'incidentTitle' | 'planName'
        >;
      }
    | { kind: 'instruction'; instruction: PendingInstruction }
    | { kind: 'handover'; handover: ShiftHandover; previous: boolean }
  );

export interface NowActionSources {
  deadlines: OpenDeadline[];
  responses: ActiveResponseRow[];
  instructions: PendingInstruction[];
  /** Absent while it loads. */
  handover: HandoverDue | null | undefined;
}

const RANK: Record<NowUrgency, number> = { overdue: 0, due_soon: 1, waiting: 2, on_time: 3 };

const timed = (startAt: string, dueAt: string, now: Date) => {
  const s = deadlineStatus({ startAt, dueAt, doneAt: null }, now);
  return {
    urgency: s.state === 'overdue' || s.state === 'due_soon' ? s.state : 'on_time',
    remainingMs: s.remainingMs,
  } as const;
};

const owed = (h: ShiftHandover) => h.status === null || h.status === 'draft' || h.status === 'outgoing_signed';

/**
 * Everything the duty room has to act on, in one list: overdue first (most overdue on top), then due
 * soon, then 批示 awaiting 反馈 (oldest first: they have no due time), then the rest by due time.
 */
export function nowActions(src: NowActionSources, now: Date): NowAction[] {
  const out: NowAction[] = [];
  for (const d of src.deadlines)
    out.push({ key: `d-${d.incidentId}-${d.kind}`, kind: 'deadline', deadline: d, ...timed(d.startAt, d.dueAt, now) });
  for (const r of src.responses) {
    const response = {
      activationId: r.activationId,
      incidentId: r.incidentId,
      incidentNumber: r.incidentNumber,
      incidentTitle: r.incidentTitle,
      planName: r.planName,
    };
    for (const i of r.overdueItems)
      out.push({
        key: `c-${i.itemId}`,
        kind: 'checklist',
        dueAt: i.dueAt,
        action: i.action,
        response,
        urgency: 'overdue',
        remainingMs: Date.parse(i.dueAt) - now.getTime(),
      });
    const next = r.nextItem;
    if (next)
      out.push({
        key: `c-${next.itemId}`,
        kind: 'checklist',
        dueAt: next.dueAt,
        action: next.action,
        response,
        ...timed(next.startAt, next.dueAt, now),
      });
  }
  for (const i of src.instructions)
    out.push({
      key: `i-${i.id}`,
      kind: 'instruction',
      instruction: i,
      urgency: 'waiting',
      remainingMs: Date.parse(i.relayedAt ?? i.givenAt) - now.getTime(),
    });
  const h = src.handover;
  if (h?.previous && owed(h.previous))
    out.push({
      key: `h-${h.previous.date}-${h.previous.shift}`,
      kind: 'handover',
      handover: h.previous,
      previous: true,
      urgency: 'overdue',
      remainingMs: Date.parse(h.previous.endsAt) - now.getTime(),
    });
  if (h && owed(h.current)) {
    const remainingMs = Date.parse(h.current.endsAt) - now.getTime();
    if (remainingMs <= HANDOVER_DUE_WINDOW_MS)
      out.push({
        key: `h-${h.current.date}-${h.current.shift}`,
        kind: 'handover',
        handover: h.current,
        previous: false,
        urgency: remainingMs < 0 ? 'overdue' : 'due_soon',
        remainingMs,
      });
  }
  return out.sort((a, b) => RANK[a.urgency] - RANK[b.urgency] || a.remainingMs - b.remainingMs);
}
