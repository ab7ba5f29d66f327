import type { Person, RosterConflict, RosterDay } from '../contract/roster';

/**
 * Problems a month view flags rather than refuses, so a director can fill the roster in any order:
 * a role left empty, one person on two overlapping shifts, a person without the role, an inactive person.
 */
export function detectConflicts(days: RosterDay[], person: (id: number) => Person | null): RosterConflict[] {
  const conflicts: RosterConflict[] = [];
  const busy = new Map<number, { start: number; end: number }[]>();
  for (const day of days) {
    for (const s of day.shifts) {
      const start = Date.parse(s.startsAt);
      const end = Date.parse(s.endsAt);
      for (const slot of s.slots) {
        const at = { date: day.date, shift: s.shift, role: slot.role, slot: slot.slot };
        if (!slot.person) {
          conflicts.push({ kind: 'empty_role', ...at });
          continue;
        }
        const p = person(slot.person.id);
        const personName = slot.person.name;
        if (p && !p.roles.includes(slot.role)) conflicts.push({ kind: 'lacks_role', ...at, personName });
        if (p && !p.active) conflicts.push({ kind: 'inactive', ...at, personName });
        const spans = busy.get(slot.person.id) ?? [];
        if (spans.some((x) => x.start < end && start < x.end))
          conflicts.push({ kind: 'double_booked', ...at, personName });
        spans.push({ start, end });
        busy.set(slot.person.id, spans);
      }
    }
  }
  return conflicts;
}
