import { z } from 'zod';

/**
 * Calendar dates, months and instants as every API method takes them. A date must exist (no
 * 2024-02-31) and fall in years a duty-room record can concern: the zone arithmetic behind rosters,
 * handovers and reports has no meaning for year 9999 (a day later is year 10000), so such input is a
 * validation error, never an internal one.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const yearInRange = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};
const isCalendarDate = (d: string) =>
  !Number.isNaN(Date.parse(d)) && new Date(d + 'T00:00:00Z').toISOString().startsWith(d);

/** A string check that reports its own i18n code (`errors.field.<code>`). */
export const pattern = (re: RegExp, code: string, extra: (s: string) => boolean = () => true) =>
  z.string().refine((s) => re.test(s) && extra(s), { params: { code } });

/** 'YYYY-MM-DD' */
export const localDateSchema = pattern(
  /^\d{4}-\d{2}-\d{2}$/,
  'invalid_date',
  (d) => yearInRange(d) && isCalendarDate(d),
);
/** 'YYYY-MM' */
export const monthSchema = pattern(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_month', yearInRange);
/** An ISO 8601 instant with its offset, on a real calendar day, in range. */
export const isoInstant = z.iso.datetime({ offset: true }).refine(
  (s) => {
    const t = Date.parse(s);
    // Unparseable text is the format check's to report; once parsed, the UTC year must be in range too.
    return Number.isNaN(t) || (yearInRange(s) && yearInRange(new Date(t).toISOString()));
  },
  { params: { code: 'invalid_date' } },
);
