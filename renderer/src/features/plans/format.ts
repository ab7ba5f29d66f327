import type { TFunction } from 'i18next';
import { type ChecklistItemState, type PlanLevel } from '@contract';
import { fromLocalDateTime } from '@domain';

export const levelLabel = (t: TFunction, level: PlanLevel) => t(`plans.levelName.${level}`);

/** "1小时12分" / "18分": how long is left or how late, rounded to the minute (up while counting down). */
export function formatDuration(t: TFunction, ms: number): string {
  const total = Math.max(0, Math.ceil(Math.abs(ms) / 60_000));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) return t('plans.duration.days', { d, h });
  if (h > 0) return t('plans.duration.hours', { h, m });
  return t('plans.duration.minutes', { m });
}

/** The colours of ui.md's state table; every state also has text. */
export const STATE_COLOR: Record<ChecklistItemState, string> = {
  pending: 'green',
  due_soon: 'yellow.7',
  overdue: 'red.7',
  done: 'gray',
  done_late: 'gray',
  na: 'gray',
  out_of_level: 'gray',
};

/** The typed local time as UTC, or undefined (= now) when left empty; bad text goes through to be rejected. */
export function localToIso(text: string | undefined, timeZone: string): string | undefined {
  if (!text?.trim()) return undefined;
  return fromLocalDateTime(text, timeZone) ?? text;
}
