import { closeSync, existsSync, mkdirSync, openSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo } from '../contract/app';
import type { CoreContext } from '../context';
import { witnessFileOf } from '../audit/witness';
import { getSettings } from '../settings/settings-repo';
import { backupDatabase } from './backup';
import { AppError } from '../contract/errors';
import { sqliteHandleOf } from '../db/sql-sqlite';

const PREFIX = 'duty-room-';
const DAY_MS = 86_400_000;

export async function backupsDir(ctx: CoreContext): Promise<string> {
  return (await getSettings(ctx)).backupDir || join(dirname(ctx.dataFile), 'backups');
}

/**
 * A backup counts only once it was checked: the witness beside it is written after the check passed,
 * and the file still starts like SQLite. A 0-byte or half-written file from a killed backup never counts.
 */
function looksValid(file: string, size: number): boolean {
  if (size < 512 || !existsSync(witnessFileOf(file))) return false;
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === 'SQLite format 3\0';
}

export async function listBackups(ctx: CoreContext): Promise<BackupInfo[]> {
  const dir = await backupsDir(ctx);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(PREFIX) && n.endsWith('.sqlite'));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .flatMap((n) => {
      const file = join(dir, n);
      const st = statSync(file);
      return looksValid(file, st.size) ? [{ file, bytes: st.size, at: st.mtime.toISOString() }] : [];
    });
}

/**
 * An online backup into the backups folder (Settings; may be another disk), keeping the newest
 * `backupKeep` and recording it in the chain with the head it contains.
 */
export async function backupNow(ctx: CoreContext): Promise<BackupInfo> {
  const handle = sqliteHandleOf(ctx.sql);
  // A shared PostgreSQL record is backed up by the server's own tools (docs/postgres.md), not by a seat.
  if (!handle) throw new AppError('db.not_on_server', { operation: 'backup' });
  const dir = await backupsDir(ctx);
  mkdirSync(dir, { recursive: true });
  const stamp = ctx.clock.now().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const file = join(dir, `${PREFIX}${stamp}.sqlite`);
  const check = await backupDatabase(handle, file, ctx.wiring.workers);
  const head = check.verify.head;
  await ctx.tx(async (ctx) => {
    await ctx.audit.append({
      actor: await ctx.actor(),
      kind: 'db.backup',
      payload: { file: basename(file), dir, head },
    });
  });
  const keep = (await getSettings(ctx)).backupKeep;
  for (const old of (await listBackups(ctx)).slice(keep)) {
    rmSync(old.file, { force: true });
    rmSync(witnessFileOf(old.file), { force: true });
  }
  return (await listBackups(ctx)).find((b) => b.file === file)!;
}

/**
 * The first check waits this long after start: the officer's first screen is drawn before a day's backup
 * starts copying and checking the record beside it.
 */
export const FIRST_BACKUP_AFTER_MS = 10_000;

/** Backs up soon after start when the newest valid backup is a day old, then checks every hour. */
export function scheduleDailyBackups(ctx: CoreContext, log: (msg: string) => void = console.error): () => void {
  const due = async () => {
    const last = (await listBackups(ctx))[0];
    if (last && ctx.clock.now().getTime() - Date.parse(last.at) < DAY_MS) return;
    await backupNow(ctx);
  };
  // In the background: the host serves meanwhile, and a failed backup is logged, never thrown.
  const run = () => {
    due().catch((e: unknown) => log(`automatic backup failed: ${e instanceof Error ? e.message : e}`));
  };
  const first = setTimeout(run, FIRST_BACKUP_AFTER_MS);
  first.unref();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
