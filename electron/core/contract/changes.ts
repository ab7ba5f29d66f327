import { z } from 'zod';

/**
 * What a seat is told when the record changes somewhere (this seat, or another seat on the same
 * PostgreSQL database): coarse areas, not rows, so a renderer refetches the lists that could show it.
 * `all` means "anything may have changed" (a write outside the known areas, or notifications missed
 * while the connection was lost).
 */
export const CHANGE_TOPICS = [
  'incidents',
  'reports',
  'handovers',
  'roster',
  'plans',
  'settings',
  'documents',
  'all',
] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

export interface ChangeEvent {
  topics: ChangeTopic[];
}

/** The seat's link to a shared database: `lost` while the server cannot be reached (writes are refused). */
export interface ConnectionStatus {
  state: 'ok' | 'lost';
  /** ISO-8601 time the state began. */
  since: string;
}

/** One message on the push channel (Electron IPC, the web host's SSE stream), validated on arrival. */
export const seatEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('change'), topics: z.array(z.enum(CHANGE_TOPICS)).max(CHANGE_TOPICS.length) }),
  z.object({
    type: z.literal('connection'),
    shared: z.boolean(),
    state: z.enum(['ok', 'lost']),
    since: z.string().max(40),
  }),
]);
export type SeatEvent = z.infer<typeof seatEventSchema>;

/** What a host subscribes to: the core's Service, or main's proxy to the core process. */
export interface SeatEvents {
  /** Every change and every connection state change, as host-neutral events; returns the unsubscribe. */
  subscribe(listener: (e: SeatEvent) => void): () => void;
  /** The state now, for a renderer that connects later (its first event). */
  current(): SeatEvent;
}
