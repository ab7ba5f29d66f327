import { describe, expect, it } from 'vitest';
import { localParts } from '../../electron/core/domain';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** What Intl says, field by field: the reference the cached-offset fast path must equal. */
const formats = new Map<string, Intl.DateTimeFormat>();
const format = (timeZone: string) =>
  formats.get(timeZone) ??
  formats
    .set(
      timeZone,
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        weekday: 'short',
      }),
    )
    .get(timeZone)!;

function intlParts(t: number, timeZone: string) {
  const parts = format(timeZone).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    year: +get('year'),
    month: +get('month'),
    day: +get('day'),
    hour: +get('hour'),
    minute: +get('minute'),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

describe('local time in the duty room zone', () => {
  it('equals Intl across daylight-saving changes, half-hour and 45-minute zones', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const mismatches: string[] = [];
      // Every 2 h 1 min 13 s over two years: lands on every minute-of-hour and on both sides of each change.
      for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7_273_000) {
        const a = localParts(new Date(t), tz);
        const b = intlParts(t, tz);
        if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(`${new Date(t).toISOString()} ${tz}`);
      }
      expect(mismatches).toEqual([]);
    }
    expect(localParts('2026-03-08T07:00:00Z', 'America/New_York')).toMatchObject({ hour: 3, minute: 0 });
    expect(localParts('2026-03-08T06:59:00Z', 'America/New_York')).toMatchObject({ hour: 1, minute: 59 });
  });
});
