import {
  DEFAULT_ROSTER_CONFIG,
  rosterConfigSchema,
  type Role,
  type RosterConfig,
  type ShiftName,
} from '../contract/roster';
import type { CoreContext } from '../context';
import { getSettings } from '../settings/settings-repo';
import { addDays, localParts, zonedInstant } from './zone-time';

/** The shift model lives in the settings table (already audited) under its own key. */
export const ROSTER_CONFIG_KEY = 'roster.config';

export async function getRosterConfig(ctx: CoreContext): Promise<RosterConfig> {
  const row = (await ctx.sql.get('SELECT value FROM settings WHERE key = ?', [ROSTER_CONFIG_KEY])) as
    { value: string } | undefined;
  if (!row) return DEFAULT_ROSTER_CONFIG;
  const parsed = rosterConfigSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_ROSTER_CONFIG;
}

export async function saveRosterConfig(ctx: CoreContext, config: RosterConfig): Promise<RosterConfig> {
  const sorted = { ...config, holidays: [...config.holidays].sort((a, b) => a.date.localeCompare(b.date)) };
  await ctx.tx(async (ctx) => {
    await ctx.sql.run(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      [ROSTER_CONFIG_KEY, JSON.stringify(sorted)],
    );
    await ctx.audit.appendRow(await ctx.actor(), 'roster.config', 'settings', ROSTER_CONFIG_KEY);
  });
  return getRosterConfig(ctx);
}

export interface ShiftInstance {
  date: string;
  shift: ShiftName;
  start: Date;
  end: Date;
}

/** The shifts that a roster day owns, each running from its start to the next shift's start. */
export function shiftsOfDay(date: string, config: RosterConfig, tz: string): ShiftInstance[] {
  const m = config.shiftModel;
  if (m.kind === '24h') {
    return [
      {
        date,
        shift: 'full',
        start: zonedInstant(date, m.handoverTime, tz),
        end: zonedInstant(addDays(date, 1), m.handoverTime, tz),
      },
    ];
  }
  const nightStart = zonedInstant(date, m.nightStart, tz);
  return [
    { date, shift: 'day', start: zonedInstant(date, m.dayStart, tz), end: nightStart },
    { date, shift: 'night', start: nightStart, end: zonedInstant(addDays(date, 1), m.dayStart, tz) },
  ];
}

/** The shift in progress at `now`: it may belong to yesterday's roster day (before the handover). */
export async function shiftAt(ctx: CoreContext, now: Date, known?: RosterConfig): Promise<ShiftInstance> {
  const config = known ?? (await getRosterConfig(ctx));
  const tz = (await getSettings(ctx)).timeZone;
  const today = localParts(now, tz).date;
  for (const date of [addDays(today, -1), today]) {
    for (const s of shiftsOfDay(date, config, tz)) if (s.start <= now && now < s.end) return s;
  }
  throw new Error(`no shift covers ${now.toISOString()}`);
}

export async function nextShift(ctx: CoreContext, s: ShiftInstance, config?: RosterConfig): Promise<ShiftInstance> {
  return shiftAt(ctx, s.end, config);
}

/** Slots expected on a day: one per role, plus a second 副班 on reinforced holidays. */
export function expectedSlots(date: string, config: RosterConfig): { role: Role; slot: number }[] {
  const slots: { role: Role; slot: number }[] = [
    { role: 'leader', slot: 0 },
    { role: 'lead', slot: 0 },
    { role: 'second', slot: 0 },
  ];
  if (config.holidays.some((h) => h.date === date && h.reinforced)) slots.push({ role: 'second', slot: 1 });
  return slots;
}
