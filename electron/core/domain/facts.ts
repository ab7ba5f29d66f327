import type { FieldIssue, IncidentFacts } from '../contract';

/**
 * How far ahead of the duty room's clock a recorded time may be: a wall clock or phone a minute fast
 * is not an error, a time later than that is (incidents, calls, instructions, reports, plan orders).
 */
export const CLOCK_SKEW_MS = 60_000;

/** The one "not in the future" rule. */
export function inFuture(at: string | Date, now: Date): boolean {
  return new Date(at).getTime() > now.getTime() + CLOCK_SKEW_MS;
}

/** The field issue for a time in the future, or none. */
export function futureIssues(path: string, at: string | Date, now: Date): FieldIssue[] {
  return inFuture(at, now) ? [{ path, code: 'in_future' }] : [];
}

/**
 * Facts as flat field → value (casualties as `casualties.deaths`…): the field names that incident
 * versions and the 续报's "what changed" lines speak of.
 */
export function flattenFacts(f: IncidentFacts): Record<string, unknown> {
  const { casualties, ...rest } = f;
  return { ...rest, ...Object.fromEntries(Object.entries(casualties).map(([k, v]) => [`casualties.${k}`, v])) };
}

/** The flat fields whose values differ between two versions of the facts, in field order. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
