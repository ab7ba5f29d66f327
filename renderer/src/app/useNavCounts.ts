import { SUMMARY_LIMIT } from '@contract';
import { deadlineStatus } from '@domain';
import { useNow } from '../hooks/useNow';
import { useQuery } from '../hooks/useQuery';
import type { Area } from './areas';

/** Items needing action beside each area in the navbar (ui.md): zero shows nothing. */
export interface NavCounts {
  areas: Partial<Record<Area, { count: number; urgent: boolean }>>;
  /** Deadlines overdue and due soon, for the header badge. */
  overdue: number;
  soon: number;
}

export function useNavCounts(): NavCounts {
  const now = useNow(5000);
  const summary = useQuery('deadlines.summary', {}).data;
  const deadlines = summary?.deadlines ?? [];
  const responses = useQuery('activations.active', {}).data ?? [];
  const handovers = useQuery('handover.list', {}).data ?? [];
  const states = deadlines.map((d) => deadlineStatus(d, now).state);
  // States tick with the clock; when the list is cut at SUMMARY_LIMIT the core's counts cover the rest.
  const cut = !!summary && deadlines.length >= SUMMARY_LIMIT;
  const overdue = cut ? summary.counts.overdue : states.filter((s) => s === 'overdue').length;
  const soon = cut ? summary.counts.dueSoon : states.filter((s) => s === 'due_soon').length;
  const openIncidents = summary?.counts.openIncidents ?? 0;
  const overdueItems = responses.reduce((n, r) => n + r.overdueItems.length, 0);
  const toReview = handovers.filter((h) => h.status === 'signed').length;
  return {
    overdue,
    soon,
    areas: {
      now: { count: overdue, urgent: true },
      log: { count: openIncidents, urgent: false },
      plans: { count: overdueItems || responses.length, urgent: overdueItems > 0 },
      handover: { count: toReview, urgent: false },
    },
  };
}
