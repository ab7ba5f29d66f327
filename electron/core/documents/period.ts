import type { DailyPeriodInput } from '../contract/documents';
import { fromLocalDateTime, localParts } from '../domain';
import type { CoreContext } from '../context';
import { getRosterConfig, shiftsOfDay } from '../roster/shifts';
import { addDays } from '../roster/zone-time';
import type { Period } from './issue-numbers';
import { cnTime } from './wording';

export interface DailyPeriod extends Period {
  /** 2026年11月23日8时30分至11月24日8时30分, or 2026年11月23日 for a calendar day. */
  label: string;
  /**
   * True when the period is exactly one roster day's shifts (`date`): 值班人员 lists that day's roster.
   * Otherwise every shift overlapping the period is listed.
   */
  isDay: boolean;
  mode: 'shift' | 'day' | 'range';
}

/**
 * A daily report covers the duty shift by default: `date` D is the shift (or day + night shifts) that
 * starts on D by the roster's shift model, handed over at 08:30 unless Settings say otherwise. The same
 * period selects incidents and 值班人员, so the two never disagree. `day` is the calendar day.
 */
export async function resolvePeriod(ctx: CoreContext, input: DailyPeriodInput, tz: string): Promise<DailyPeriod> {
  if (input.date) {
    const shifts = shiftsOfDay(input.date, await getRosterConfig(ctx), tz);
    const from = shifts[0]!.start.toISOString();
    const to = shifts[shifts.length - 1]!.end.toISOString();
    return {
      from,
      to,
      year: Number(input.date.slice(0, 4)),
      label: `${cnTime(from, tz, true)}至${cnTime(to, tz)}`,
      isDay: true,
      mode: 'shift',
    };
  }
  if (input.day) {
    const { from, to } = calendarDay(input.day, tz);
    const [y, m, d] = input.day.split('-').map(Number);
    return { from, to, year: y!, label: `${y}年${m}月${d}日`, isDay: false, mode: 'day' };
  }
  const from = new Date(input.from!).toISOString();
  const to = new Date(input.to!).toISOString();
  return {
    from,
    to,
    year: localParts(from, tz).year,
    label: `${cnTime(from, tz, true)}至${cnTime(to, tz)}`,
    isDay: false,
    mode: 'range',
  };
}

/** A calendar day in the zone, 00:00 to 00:00 (the log export's days). */
export function calendarDay(date: string, tz: string): { from: string; to: string } {
  return { from: fromLocalDateTime(`${date} 00:00`, tz)!, to: fromLocalDateTime(`${addDays(date, 1)} 00:00`, tz)! };
}
