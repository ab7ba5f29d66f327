import type {
  Activation,
  Category,
  ChecklistItem,
  ChecklistItemState,
  ChecklistItemStatus,
  PlanSummary,
} from '../contract';
import { deadlineStatus } from './deadlines';

/**
 * The same states and thresholds as report deadlines (amber at 25 % left, red overdue). A terminated
 * response is frozen: its open items are judged at the termination time, not now.
 */
export function checklistItemStatus(
  item: ChecklistItem,
  now: Date,
  activation?: Pick<Activation, 'terminatedAt'>,
): ChecklistItemStatus {
  if (item.notApplicable) return { state: 'na', remainingMs: 0 };
  const at = activation?.terminatedAt ? new Date(activation.terminatedAt) : now;
  const s = deadlineStatus({ startAt: item.startAt, dueAt: item.dueAt, doneAt: item.done?.at ?? null }, at);
  if (!item.done && !item.inCurrentLevel) return { state: 'out_of_level', remainingMs: s.remainingMs };
  return { state: s.state === 'on_time' ? 'pending' : s.state, remainingMs: s.remainingMs };
}

const ORDER: Record<ChecklistItemState, number> = {
  overdue: 0,
  due_soon: 1,
  pending: 2,
  out_of_level: 3,
  done_late: 4,
  done: 4,
  na: 4,
};

/** Overdue first (as everywhere in the app), then by due time, then in the plan's order. */
export function sortChecklist(items: ChecklistItem[], now: Date, activation?: Pick<Activation, 'terminatedAt'>) {
  const keyed = items.map((item) => ({ item, status: checklistItemStatus(item, now, activation) }));
  return keyed.sort(
    (a, b) =>
      ORDER[a.status.state] - ORDER[b.status.state] ||
      Date.parse(a.item.dueAt) - Date.parse(b.item.dueAt) ||
      a.item.seq - b.item.seq,
  );
}

/** How well a plan fits an incident: 2 = sub-type named, 1 = category only, 0 = neither. */
export function planFit(plan: Pick<PlanSummary, 'categories' | 'subtypes'>, category: Category, subtype: string) {
  if (subtype && plan.subtypes.includes(subtype)) return 2;
  return plan.categories.includes(category) ? 1 : 0;
}
