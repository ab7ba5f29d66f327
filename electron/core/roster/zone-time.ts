import { addDays, fromLocalDateTime, localDateTime } from '../domain';
import { AppError } from '../contract/errors';

/**
 * Wall-clock arithmetic in the duty room's zone with Intl only (no DST in Asia/Shanghai, but other
 * zones are allowed in settings, so offsets are looked up per instant rather than assumed).
 */
/** Local calendar date ('YYYY-MM-DD') and time ('HH:MM') of an instant in `tz`. */
export function localParts(instant: Date, tz: string): { date: string; time: string } {
  const text = localDateTime(instant, tz);
  return { date: text.slice(0, 10), time: text.slice(11) };
}

/** The instant at which the wall clock in `tz` shows `date` `time`. */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const iso = fromLocalDateTime(`${date} ${time}`, tz);
  // Only dates past the supported range (year 9999 and a shift into the next day) get here: the
  // caller's input, so a validation error, not an internal one.
  if (!iso) throw new AppError('validation', { reason: 'out_of_range' }, [{ path: 'date', code: 'out_of_range' }]);
  return new Date(iso);
}

export { addDays };

export function weekday(date: string): number {
  return new Date(date + 'T00:00:00Z').getUTCDay();
}

export function monthDays(month: string): string[] {
  const days: string[] = [];
  for (let d = month + '-01'; d.startsWith(month); d = addDays(d, 1)) days.push(d);
  return days;
}
