import type { DutyNow, PersonBrief, Role } from '../contract/roster';
import type { CoreContext } from '../context';
import { brief, findPerson } from './people-repo';
import { shiftAt, type ShiftInstance } from './shifts';

export async function onDutyFor(ctx: CoreContext, s: ShiftInstance): Promise<Record<Role, PersonBrief[]>> {
  const rows = (await ctx.sql.all(
    `SELECT role, person_id FROM roster_assignments
       WHERE date = ? AND shift = ? AND person_id IS NOT NULL ORDER BY role, slot`,
    [s.date, s.shift],
  )) as { role: Role; person_id: number }[];
  const out: Record<Role, PersonBrief[]> = { leader: [], lead: [], second: [] };
  for (const r of rows) {
    const p = await findPerson(ctx, r.person_id);
    if (p) out[r.role].push(brief(p));
  }
  return out;
}

/** Who is on duty at this instant: the handover minute belongs to the incoming shift. */
export async function dutyNow(ctx: CoreContext, now = ctx.clock.now()): Promise<DutyNow> {
  const s = await shiftAt(ctx, now);
  return {
    at: now.toISOString(),
    date: s.date,
    shift: s.shift,
    startsAt: s.start.toISOString(),
    endsAt: s.end.toISOString(),
    ...(await onDutyFor(ctx, s)),
  };
}
