import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo } from '../contract/app';
import type { CoreContext } from '../context';
import { getSettings } from '../settings/settings-repo';
import { backupDatabase } from './backup';

const PREFIX = 'duty-room-';
const DAY_MS = 86_400_000;

export function backupsDir(ctx: CoreContext): string {
  return join(dirname(ctx.dataFile), 'backups');
}

export function listBackups(ctx: CoreContext): BackupInfo[] {
  const dir = backupsDir(ctx);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(PREFIX) && n.endsWith('.sqlite'));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .map((n) => {
      const st = statSync(join(dir, n));
      return { file: join(dir, n), bytes: st.size, at: st.mtime.toISOString() };
    });
}

/**
 * An online backup into the data folder's backups/, keeping the newest `backupKeep` (Settings) and
 * recording it in the chain with the head it contains.
 */
export async function backupNow(ctx: CoreContext): Promise<BackupInfo> {
  const dir = backupsDir(ctx);
  mkdirSync(dir, { recursive: true });
  const stamp = ctx.clock.now().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const file = join(dir, `${PREFIX}${stamp}.sqlite`);
  const head = ctx.audit.head();
  await backupDatabase(ctx.db, file);
  ctx.tx(() => ctx.audit.append({ actor: ctx.actor(), kind: 'db.backup', payload: { file: basename(file), head } }));
  const keep = getSettings(ctx).backupKeep;
  for (const old of listBackups(ctx).slice(keep)) rmSync(old.file, { force: true });
  return listBackups(ctx).find((b) => b.file === file)!;
}

/** Backs up at start when the last backup is a day old, then checks every hour. */
export function scheduleDailyBackups(ctx: CoreContext, log: (msg: string) => void = console.error): () => void {
  const due = () => {
    const last = listBackups(ctx)[0];
    if (last && ctx.clock.now().getTime() - Date.parse(last.at) < DAY_MS) return;
    backupNow(ctx).catch((e: unknown) => log(`automatic backup failed: ${e instanceof Error ? e.message : e}`));
  };
  due();
  const timer = setInterval(due, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
