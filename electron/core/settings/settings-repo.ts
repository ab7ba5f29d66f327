import { AppError } from '../contract/errors';
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsUpdate } from '../contract/settings';
import { toFieldIssues } from '../contract/zod-issues';
import type { CoreContext } from '../context';

export function getSettings(ctx: CoreContext): Settings {
  const rows = ctx.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) stored[r.key] = JSON.parse(r.value);
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  // A stored value that no longer validates falls back to the default rather than locking the app.
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export function updateSettings(ctx: CoreContext, patch: SettingsUpdate): Settings {
  const next = settingsSchema.safeParse({ ...getSettings(ctx), ...patch });
  if (!next.success) throw new AppError('validation', undefined, toFieldIssues(next.error));
  const current = getSettings(ctx);
  const upsert = ctx.db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  ctx.tx(() => {
    for (const [key, value] of Object.entries(next.data) as [keyof Settings, unknown][]) {
      if (JSON.stringify(current[key]) === JSON.stringify(value)) continue;
      upsert.run(key, JSON.stringify(value));
      ctx.audit.appendRow(ctx.actor(), 'settings.update', 'settings', key, { previous: current[key] });
    }
  });
  return getSettings(ctx);
}
