import type { HandoverDue, ShiftHandover } from '../contract/handover';
import type { CoreContext } from '../context';
import { shiftAt, type ShiftInstance } from '../roster/shifts';
import { status } from './handover-repo';

async function shiftHandover(ctx: CoreContext, s: ShiftInstance): Promise<ShiftHandover> {
  // One lookup on the UNIQUE (date, shift) index.
  const r = (await ctx.sql.get(
    'SELECT id, outgoing_signed_at, incoming_signed_at, reviewed_at FROM handovers WHERE date = ? AND shift = ?',
    [s.date, s.shift],
  )) as
    | { id: number; outgoing_signed_at: string | null; incoming_signed_at: string | null; reviewed_at: string | null }
    | undefined;
  return {
    date: s.date,
    shift: s.shift,
    startsAt: s.start.toISOString(),
    endsAt: s.end.toISOString(),
    id: r?.id ?? null,
    status: r ? status(r) : null,
  };
}

/**
 * The handover the duty room owes: the shift in progress hands over at its end; one drafted for the
 * shift before but left unsigned is still owed (the outgoing officer forgot the incoming signature).
 * A previous shift with no draft at all is not chased: a new room, or the app not used that shift.
 */
export async function handoverDue(ctx: CoreContext, now: Date): Promise<HandoverDue> {
  const current = await shiftAt(ctx, now);
  const before = await shiftHandover(ctx, await shiftAt(ctx, new Date(current.start.getTime() - 1)));
  const unfinished = before.id !== null && (before.status === 'draft' || before.status === 'outgoing_signed');
  return { current: await shiftHandover(ctx, current), previous: unfinished ? before : null };
}
