import type { Role } from '../contract/roster';
import { localDate } from '../domain';
import type { CoreContext } from '../context';
import { onDutyFor } from '../roster/duty-now';
import { getRosterConfig, shiftsOfDay, type ShiftInstance } from '../roster/shifts';
import { addDays } from '../roster/zone-time';
import { getSettings } from '../settings/settings-repo';
import type { OnDutyLine } from './daily-sources';
import type { Period } from './issue-numbers';
import { cnTime } from './wording';

const ROLE_ZH: Record<Role, string> = { leader: '带班领导', lead: '主班', second: '副班' };

/**
 * The shifts a daily report covers: for a calendar day, the roster day's own shifts (值班 of 23 Nov is
 * the shift that starts on the 23rd); for an explicit period, every shift overlapping it.
 */
async function shiftsFor(ctx: CoreContext, period: Period & { isDay?: boolean }): Promise<ShiftInstance[]> {
  const tz = (await getSettings(ctx)).timeZone;
  const config = await getRosterConfig(ctx);
  const first = localDate(period.from, tz);
  if (period.isDay) return shiftsOfDay(first, config, tz);
  const from = new Date(period.from);
  const to = new Date(period.to);
  const out: ShiftInstance[] = [];
  for (let d = addDays(first, -1); d <= localDate(to, tz); d = addDays(d, 1)) {
    out.push(...shiftsOfDay(d, config, tz).filter((s) => s.start < to && s.end > from));
  }
  return out;
}

/** 值班人员 from the roster: one line per role (per shift when there are several), names with phones. */
export async function rosterOnDuty(ctx: CoreContext, period: Period & { isDay?: boolean }): Promise<OnDutyLine[]> {
  const tz = (await getSettings(ctx)).timeZone;
  const shifts = await shiftsFor(ctx, period);
  return (
    await Promise.all(
      shifts.map(async (s) => {
        const people = await onDutyFor(ctx, s);
        const prefix =
          shifts.length > 1 ? `${cnTime(s.start.toISOString(), tz)}至${cnTime(s.end.toISOString(), tz)} ` : '';
        return (['leader', 'lead', 'second'] as const).map((role) => ({
          role: prefix + ROLE_ZH[role],
          text: people[role].length
            ? people[role].map((p) => (p.phones.length ? `${p.name}（${p.phones.join('、')}）` : p.name)).join('、')
            : '（未排班）',
        }));
      }),
    )
  ).flat();
}
