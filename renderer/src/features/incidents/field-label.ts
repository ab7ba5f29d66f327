import type { TFunction } from 'i18next';

/**
 * The officer's name for a flat incident field path as versions record it (`casualties.deaths` → 死亡,
 * `place` → 事发地点): the history table and the timeline both speak of changed fields, never in paths.
 */
export function fieldLabel(t: TFunction, path: string): string {
  return path.startsWith('casualties.') ? t(`incident.casualty.${path.slice(11)}`) : t(`incident.field.${path}`);
}

/** Several changed fields as one phrase in the UI language (死亡、受伤 / Deaths, Injured). */
export function fieldList(t: TFunction, paths: readonly string[]): string {
  return paths.map((p) => fieldLabel(t, p)).join(t('timeline.listSep'));
}
