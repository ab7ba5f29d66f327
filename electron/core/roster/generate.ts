import { AppError } from '../contract/errors';
import { ROLES, type GenerateInput, type Person, type Role, type SlotRef } from '../contract/roster';
import type { generateSchema } from '../contract/roster';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { findPerson } from './people-repo';
import { assignmentsBetween, recordChange, writeSlot } from './roster-repo';
import { expectedSlots, getRosterConfig } from './shifts';
import { getSettings } from '../settings/settings-repo';
import { shiftsOfDay } from './shifts';
import { addDays, monthDays } from './zone-time';

export type { GenerateInput };

/**
 * Fills a month from one rotation order per role. Each slot takes the next person in that role's order
 * who is active, holds the role, is not unavailable that day and is not already on the same shift;
 * people skipped keep their place for the next slot. The rotation continues from last month's last day.
 */
export async function generateMonth(ctx: CoreContext, input: z.output<typeof generateSchema>): Promise<void> {
  const config = await getRosterConfig(ctx);
  const tz = (await getSettings(ctx)).timeZone;
  const dates = monthDays(input.month);
  const existing = await assignmentsBetween(ctx, dates[0]!, dates[dates.length - 1]!);
  if (!input.replace && existing.some((r) => r.person_id !== null))
    throw new AppError('roster.month_not_empty', { month: input.month });

  const people = new Map<number, Person>();
  for (const role of ROLES) {
    for (const id of input.rotations[role]) {
      const p = await findPerson(ctx, id);
      if (!p)
        throw new AppError('roster.rotation_unknown_person', { id }, [
          { path: `rotations.${role}`, code: 'unknown_person' },
        ]);
      people.set(id, p);
    }
  }
  const unavailable = (id: number, date: string) =>
    input.unavailable.some((u) => u.personId === id && u.from <= date && date <= u.to);

  const before = await assignmentsBetween(ctx, addDays(dates[0]!, -1), addDays(dates[0]!, -1));
  const pointer: Record<Role, number> = { leader: 0, lead: 0, second: 0 };
  for (const role of ROLES) {
    const last = before.filter((r) => r.role === role && r.person_id !== null).pop();
    const idx = last ? input.rotations[role].indexOf(last.person_id!) : -1;
    pointer[role] = idx + 1;
  }

  await ctx.tx(async (ctx) => {
    const changeId = await recordChange(ctx, {
      kind: 'generate',
      month: input.month,
      detail: { rotations: input.rotations, unavailable: input.unavailable, replace: input.replace },
    });
    for (const date of dates) {
      for (const s of shiftsOfDay(date, config, tz)) {
        const onShift = new Set<number>();
        for (const { role, slot } of expectedSlots(date, config)) {
          const order = input.rotations[role];
          let chosen: number | null = null;
          for (let k = 0; k < order.length; k++) {
            const id = order[(pointer[role] + k) % order.length]!;
            const p = people.get(id)!;
            if (!p.active || !p.roles.includes(role) || unavailable(id, date) || onShift.has(id)) continue;
            chosen = id;
            pointer[role] = (pointer[role] + k + 1) % order.length;
            break;
          }
          if (chosen !== null) onShift.add(chosen);
          const at: SlotRef = { date, shift: s.shift, role, slot };
          await writeSlot(ctx, at, chosen, chosen === null ? null : 'generated', changeId);
        }
      }
    }
  });
}
