import i18next from 'i18next';
import { localDateTime } from '@domain';

/**
 * The one way a remaining or elapsed time is written: "1小时12分" / "1 h 12 min" — whole minutes, hours
 * when over an hour, days when over a day. Time left (ms > 0) rounds up, so "1 min" shows until the very
 * end; time past (ms < 0, overdue or "ago") rounds down, so "overdue 1 min" means a full minute late.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, ms > 0 ? Math.ceil(ms / 60_000) : Math.floor(-ms / 60_000));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) return i18next.t('time.dh', { d, h });
  if (h > 0) return i18next.t('time.hm', { h, m });
  if (total === 0 && Math.abs(ms) > 0) return i18next.t('time.s', { s: Math.floor(Math.abs(ms) / 1000) });
  return i18next.t('time.m', { m });
}

/** "18 分钟前" / "in 5 min" relative to now. */
export function formatRelative(iso: string, now: Date): string {
  const diff = Date.parse(iso) - now.getTime();
  return i18next.t(diff >= 0 ? 'time.in' : 'time.ago', { d: formatDuration(diff) });
}

export function formatTime(iso: string | null | undefined, timeZone: string): string {
  return iso ? localDateTime(iso, timeZone) : '—';
}

/** Records made before anyone signed in carry a placeholder actor that is shown translated. */
export function actorName(name: string): string {
  if (name === 'unidentified' || name === 'system') return i18next.t(`common.actor.${name}`);
  return name;
}

/** A form's default time: now, to the minute (the precision times are typed and shown in). */
export function minuteOf(now: Date = new Date()): string {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
}
