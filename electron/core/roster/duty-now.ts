import type { DutyNow, PersonBrief, Role } from '../contract/roster';
import type { CoreContext } from '../context';
import { brief, findPerson } from './people-repo';
import { shiftAt, type ShiftInstance } from './shifts';

export function onDutyFor(ctx: CoreContext, s: ShiftInstance): Record<Role, PersonBrief[]> {
  const rows = ctx.db
    .prepare(
      `SELECT role, person_id FROM roster_assignments
       WHERE date = ? AND shift = ? AND person_id IS NOT NULL ORDER BY role, slot`,
    )
    .all(s.date, s.shift) as { role: Role; person_id: number }[];
  const out: Record<Role, PersonBrief[]> = { leader: [], lead: [], second: [] };
  for (const r of rows) {
    const p = findPerson(ctx, r.person_id);
    if (p) out[r.role].push(brief(p));
  }
  return out;
}

/** Who is on duty at this instant: the handover minute belongs to the incoming shift. */
export function dutyNow(ctx: CoreContext, now = ctx.clock.now()): DutyNow {
  const s = shiftAt(ctx, now);
  return {
    at: now.toISOString(),
    date: s.date,
    shift: s.shift,
    startsAt: s.start.toISOString(),
    endsAt: s.end.toISOString(),
    ...onDutyFor(ctx, s),
  };
}
