import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ChangeTopic, SeatEvent } from '@contract';
import { subscribeSeatEvents } from '../api/seat-events';

/**
 * Reads an area's change cannot alter, by method namespace. A list of what to SKIP rather than what to
 * refresh: a read added later is refreshed by every change until someone decides otherwise, so a
 * forgotten entry costs a cheap refetch, never a stale screen at another seat (see useMutationCall for
 * why writes refresh everything). Incidents, reports and settings reach nearly every view: no skips.
 */
const UNAFFECTED: Partial<Record<ChangeTopic, readonly string[]>> = {
  roster: ['plans', 'activations', 'calls', 'instructions', 'casualties', 'exports'],
  plans: ['roster', 'people', 'calls', 'instructions', 'casualties'],
  handovers: ['plans', 'roster', 'people', 'calls', 'casualties'],
  documents: ['plans', 'roster', 'people', 'calls', 'instructions', 'casualties', 'activations'],
};

/** True when a change to `topics` may alter what the query (key [method, input]) shows. */
export function affects(topics: readonly ChangeTopic[], queryKey: readonly unknown[]): boolean {
  const method = typeof queryKey[0] === 'string' ? queryKey[0] : '';
  const area = method.split('.')[0] ?? '';
  return topics.some((t) => !UNAFFECTED[t]?.includes(area));
}

/** Long enough to gather a burst of commits, short enough that another seat's change shows within a second. */
const BATCH_MS = 150;

export interface SeatLink {
  /** On a shared database (PostgreSQL): the header shows the link. */
  shared: boolean;
  state: 'ok' | 'lost';
  since: string | null;
}

/**
 * Follows the seat's events for the whole window: a change anywhere on the record (another seat, a CLI
 * import) refetches the matching reads at once, and the link to a shared database is returned for the
 * header.
 */
export function useSeatEvents(): SeatLink {
  const client = useQueryClient();
  const [link, setLink] = useState<SeatLink>({ shared: false, state: 'ok', since: null });
  useEffect(() => {
    // A burst of commits (the demo seeding, an import, a busy room) is one refetch, not one per commit:
    // topics gather for a moment, and a refetch already under way is not cancelled by the next change,
    // so a storm of events cannot keep a screen loading forever.
    const pending = new Set<ChangeTopic>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const topics = [...pending];
      pending.clear();
      void client.invalidateQueries({ predicate: (q: Query) => affects(topics, q.queryKey) }, { cancelRefetch: false });
    };
    const stop = subscribeSeatEvents((e: SeatEvent) => {
      if (e.type === 'connection') {
        setLink({ shared: e.shared, state: e.state, since: e.since });
        return;
      }
      for (const t of e.topics) pending.add(t);
      timer ??= setTimeout(flush, BATCH_MS);
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [client]);
  return link;
}
