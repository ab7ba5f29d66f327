import { AppError } from '../contract/errors';
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsUpdate } from '../contract/settings';
import { toFieldIssues } from '../contract/zod-issues';
import type { CoreContext } from '../context';

/** Read once and kept until a settings row changes (see CoreContext.memo): every write asks for the zone. */
export async function getSettings(ctx: CoreContext): Promise<Settings> {
  return await ctx.memo('settings', () => readSettings(ctx));
}

async function readSettings(ctx: CoreContext): Promise<Settings> {
  const rows = (await ctx.sql.all('SELECT key, value FROM settings')) as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) stored[r.key] = JSON.parse(r.value);
  // A stored value that no longer validates falls back to its own default, key by key: one bad value
  // must neither lock the app nor reset the others (the time zone drives every deadline).
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const field = settingsSchema.shape[key as keyof Settings];
    if (field.safeParse(value).success) out[key] = value;
  }
  return out as Settings;
}

export async function updateSettings(ctx: CoreContext, patch: SettingsUpdate): Promise<Settings> {
  const current = await getSettings(ctx);
  const next = settingsSchema.safeParse({ ...current, ...patch });
  if (!next.success) throw new AppError('validation', undefined, toFieldIssues(next.error));
  await ctx.tx(async (ctx) => {
    for (const [key, value] of Object.entries(next.data) as [keyof Settings, unknown][]) {
      if (JSON.stringify(current[key]) === JSON.stringify(value)) continue;
      await ctx.sql.run(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        [key, JSON.stringify(value)],
      );
      await ctx.audit.appendRow(await ctx.actor(), 'settings.update', 'settings', key, { previous: current[key] });
    }
  });
  return getSettings(ctx);
}
