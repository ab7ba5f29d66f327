import {
  IconAlertTriangle,
  IconCalendarUser,
  IconClipboardList,
  IconFileText,
  IconNotebook,
  IconSettings,
  IconTransfer,
  type Icon,
} from '@tabler/icons-react';

export const AREAS = ['now', 'log', 'plans', 'roster', 'handover', 'reports', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_ICONS: Record<Area, Icon> = {
  now: IconAlertTriangle,
  log: IconNotebook,
  plans: IconClipboardList,
  roster: IconCalendarUser,
  handover: IconTransfer,
  reports: IconFileText,
  settings: IconSettings,
};

export function areaFromHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return (AREAS as readonly string[]).includes(name ?? '') ? (name as Area) : 'now';
}
