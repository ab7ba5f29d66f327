/** Calendar facts of an instant in the duty room's zone (stored times are UTC). */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The zone's offset (ms) per 15-minute slice of UTC time: offsets since 1970 are whole minutes and
 * change only at slice boundaries, so within a slice local time is UTC plus one number. Exports format
 * hundreds of thousands of times; Intl's formatToParts for each was most of their cost.
 */
const offsets = new Map<string, number>();
const SLICE_MS = 15 * 60_000;

const DAY_MS = 86_400_000;

function cached(key: string, compute: () => number): number {
  let v = offsets.get(key);
  if (v === undefined) {
    v = compute();
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, v);
  }
  return v;
}

/** Offset at the start of a slice, from Intl. */
function exactOffset(start: number, timeZone: string): number {
  const p = formatParts(new Date(start), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - start;
}

/**
 * The day looked up last: exports and lists format times in order, so most lookups are of the same
 * day as the one before, and skip building the cache key.
 */
let lastDay = { zone: '', day: NaN, whole: NaN };

function dayOffset(day: number, timeZone: string): number {
  const whole = cached(`${timeZone}|d${day}`, () => {
    const first = exactOffset(day * DAY_MS, timeZone);
    return first === exactOffset((day + 1) * DAY_MS - SLICE_MS, timeZone) ? first : NaN;
  });
  lastDay = { zone: timeZone, day, whole };
  return whole;
}

/**
 * A UTC day whose first and last slices have the same offset has it throughout (no zone changes its
 * offset twice in a day), so sparse instants (one incident every few hours over ten years) cost two
 * Intl calls per day; a day with a change is resolved slice by slice.
 */
function sliceOffset(t: number, timeZone: string): number | null {
  const day = Math.floor(t / DAY_MS);
  const whole = day === lastDay.day && timeZone === lastDay.zone ? lastDay.whole : dayOffset(day, timeZone);
  const slice = Math.floor(t / SLICE_MS);
  const off = Number.isNaN(whole)
    ? cached(`${timeZone}|${slice}`, () => exactOffset(slice * SLICE_MS, timeZone))
    : whole;
  return off % 60_000 === 0 ? off : null;
}

export function localParts(instant: string | Date, timeZone: string): LocalParts {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const off = t >= 0 ? sliceOffset(t, timeZone) : null;
  if (off === null) return formatParts(new Date(instant), timeZone);
  const d = new Date(t + off);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

function formatParts(instant: Date, timeZone: string): LocalParts {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of the instant in the zone. */
export function localDate(instant: string | Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 'YYYY-MM-DD HH:mm' in the zone: the form officers read and type. */
export function localDateTime(instant: string | Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Offset of the zone from UTC at that instant, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(instant: string | Date, timeZone: string): number {
  const d = new Date(instant);
  const p = localParts(d, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(d.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC instant of a local wall-clock time 'YYYY-MM-DD HH:mm' (or 'YYYY-MM-DDTHH:mm') in the zone.
 * Returns null for text that is not such a time.
 */
export function fromLocalDateTime(text: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even across a DST change.
  let t = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  t = guess - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  const back = localParts(new Date(t), timeZone);
  if (back.day !== d || back.month !== mo) return null;
  return new Date(t).toISOString();
}

/** 2026年11月23日 — the date form used in official documents. */
export function chineseDate(instant: string | Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** 'YYYY-MM-DD' plus n calendar days (pure date arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  const t = new Date(date + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
