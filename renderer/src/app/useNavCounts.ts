import { deadlineStatus } from '@contract';
import { useNow } from '../hooks/useNow';
import { useQuery } from '../hooks/useQuery';
import type { Area } from './areas';

/** Items needing action beside each area in the navbar (ui.md): zero shows nothing. */
export function useNavCounts(): Partial<Record<Area, { count: number; urgent: boolean }>> {
  const now = useNow(15_000);
  const deadlines = useQuery('deadlines.open', {}).data ?? [];
  const responses = useQuery('activations.active', {}).data ?? [];
  const handovers = useQuery('handover.list', {}).data ?? [];
  const overdue = deadlines.filter((d) => deadlineStatus(d, now).state === 'overdue').length;
  const openIncidents = new Set(deadlines.map((d) => d.incidentId)).size;
  const overdueItems = responses.reduce((n, r) => n + r.overdueItems.length, 0);
  const toReview = handovers.filter((h) => h.status === 'signed').length;
  return {
    now: { count: overdue, urgent: true },
    log: { count: openIncidents, urgent: false },
    plans: { count: overdueItems || responses.length, urgent: overdueItems > 0 },
    handover: { count: toReview, urgent: false },
  };
}
