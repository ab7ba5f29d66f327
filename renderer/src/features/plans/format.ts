import type { TFunction } from 'i18next';
import { type PlanLevel } from '@contract';
import { fromLocalDateTime } from '@domain';

export const levelLabel = (t: TFunction, level: PlanLevel) => t(`plans.levelName.${level}`);

/** The typed local time as UTC, or undefined (= now) when left empty; bad text goes through to be rejected. */
export function localToIso(text: string | undefined, timeZone: string): string | undefined {
  if (!text?.trim()) return undefined;
  return fromLocalDateTime(text, timeZone) ?? text;
}
