import { backupNow, listBackups } from '../backup/auto-backup';
import { longOperations } from './progress';
import type { appMethods } from '../contract/app';
import { AppError } from '../contract/errors';
import { schemaVersionOf } from '../db/schema-version';
import { verifyDatabaseAsync } from '../audit/run-verify';
import type { HandlerMap } from '../handlers';
import type { CoreContext } from '../context';
import type { SeatAdapter } from '../wiring';
import { getSettings, updateSettings } from '../settings/settings-repo';

export const appHandlers: HandlerMap<keyof typeof appMethods> = {
  'app.info': async (_, ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: await schemaVersionOf(ctx.sql),
    dataFile: ctx.dataFile,
    auditHead: await ctx.audit.head(),
    auditEntries: await ctx.audit.count(),
  }),
  'settings.get': (_, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
  'audit.verify': (i, ctx) => verifyDatabaseAsync(ctx, { full: i.full }),
  'backup.now': (_, ctx) => backupNow(ctx),
  'backup.list': (_, ctx) => listBackups(ctx),
  'app.seedDemo': () => {
    // Served by the service itself (it needs a second service over the same database).
    throw new AppError('internal');
  },
  'app.isEmpty': async (_, ctx) => ({
    empty:
      !(await ctx.sql.get('SELECT 1 FROM people LIMIT 1')) && !(await ctx.sql.get('SELECT 1 FROM incidents LIMIT 1')),
  }),
  'app.progress': (_, ctx) => longOperations(ctx),
  'seat.current': (_, ctx) => seatOf(ctx).current(),
  'seat.test': (i, ctx) => seatOf(ctx).test(i.url),
  'seat.switch': (i, ctx) => seatOf(ctx).switch(i.url),
};

function seatOf(ctx: CoreContext): SeatAdapter {
  if (!ctx.wiring.seat) throw new AppError('not_found');
  return ctx.wiring.seat;
}
