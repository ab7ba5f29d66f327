/** Made once per zone and language: making an Intl formatter costs about as much as rendering a row. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** Date and time of an instant in the duty room's zone, for display. */
export function formatInstant(iso: string, timeZone: string, language: string, withDate = true): string {
  const key = `${language}|${timeZone}|${withDate}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language, {
      timeZone,
      ...(withDate ? { month: '2-digit', day: '2-digit' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formats.set(key, f);
  }
  return f.format(new Date(iso));
}

export function weekdayName(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(date + 'T00:00:00Z'));
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export function currentMonth(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
}
