import type { IncidentFacts } from '../contract';
import { CASUALTY_FIELDS } from '../contract/incidents';
import { addDays, fromLocalDateTime, localDate } from './time';

/**
 * 补报 (order 493 art. 13): within 30 days of a production-safety accident (7 days for road-traffic and
 * fire accidents) a change in the number of casualties must be reported again. Only the figures about
 * people count — deaths, missing, seriously injured, injured — not the trapped (a count that changes by
 * the minute during rescue), not the evacuated, not the loss.
 */
export const SUPPLEMENTARY_FIELDS = [
  'deaths',
  'missing',
  'seriouslyInjured',
  'injured',
] as const satisfies readonly (typeof CASUALTY_FIELDS)[number][];

export const LONG_WINDOW_DAYS = 30;
export const SHORT_WINDOW_DAYS = 7;

/** Sub-type text as officers type it: full-width forms folded, spaces dropped. */
function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Road-traffic and fire accidents are recognised by classification: the sub-type names (or contains) one
 * of the sub-types listed in Settings (火灾, 道路交通事故, …), so "仓库火灾" or "道路交通 事故" count too.
 * Only 事故灾难: a 森林火灾 is a natural disaster, outside order 493.
 */
export function isShortWindowAccident(
  f: Pick<IncidentFacts, 'category' | 'subtype'>,
  shortSubtypes: readonly string[],
) {
  if (f.category !== 'accident') return false;
  const subtype = normalise(f.subtype);
  return subtype !== '' && shortSubtypes.some((s) => normalise(s) !== '' && subtype.includes(normalise(s)));
}

/** Days of the 补报 window, or null when order 493 does not apply (not a 事故灾难). */
export function supplementaryWindowDays(
  f: Pick<IncidentFacts, 'category' | 'subtype'>,
  shortSubtypes: readonly string[],
): number | null {
  if (f.category !== 'accident') return null;
  return isShortWindowAccident(f, shortSubtypes) ? SHORT_WINDOW_DAYS : LONG_WINDOW_DAYS;
}

/**
 * The end of the window: 24:00 of the n-th day after the day of occurrence in the duty room's zone. A
 * period counted in days starts on the next day (民法典 art. 201) and ends at 24:00 of its last day
 * (art. 203), so an accident at 13:50 on 11-28 with a 7-day window may be re-reported until 12-05 24:00.
 */
export function supplementaryWindowEnd(occurredAt: string, days: number, timeZone: string): string {
  const lastDay = addDays(localDate(occurredAt, timeZone), days);
  return fromLocalDateTime(`${addDays(lastDay, 1)} 00:00`, timeZone)!;
}

/** Whether one of the counted casualty figures differs. */
export function casualtyFiguresChanged(before: IncidentFacts['casualties'], after: IncidentFacts['casualties']) {
  return SUPPLEMENTARY_FIELDS.some((k) => before[k] !== after[k]);
}

/**
 * Whether an amendment made at `at` requires a 补报: an accident's casualty figures changed after its
 * 终报 was sent, within the window counted from the occurrence — whenever the 终报 went up.
 */
export function supplementaryRequired(input: {
  before: IncidentFacts;
  after: IncidentFacts;
  finalSentAt: string | null;
  at: string;
  timeZone: string;
  shortSubtypes: readonly string[];
}): boolean {
  const { before, after } = input;
  if (!input.finalSentAt || Date.parse(input.at) < Date.parse(input.finalSentAt)) return false;
  if (!casualtyFiguresChanged(before.casualties, after.casualties)) return false;
  const days = supplementaryWindowDays(after, input.shortSubtypes);
  if (days === null) return false;
  return Date.parse(input.at) < Date.parse(supplementaryWindowEnd(after.occurredAt, days, input.timeZone));
}
