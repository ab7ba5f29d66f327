import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../contract/errors';

/** The pid of a live process holding the lock file, or null. */
export function lockHolder(lockFile: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile, 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: alive but someone else's; ESRCH: a stale lock from a crash.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * One long-running host (app window or web host) per database: a second would interleave its own
 * audit chain appends, and a restore must never swap the file under a running host.
 */
export function acquireHostLock(lockFile: string): () => void {
  const holder = lockHolder(lockFile);
  if (holder !== null && holder !== process.pid) throw new AppError('db.in_use', { pid: holder });
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}
