import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { systemClock, type Clock } from './db/clock';
import { openDatabase } from './db/open';
import { createService, type Service } from './service';
import { APP_VERSION } from './version';
import { acquireHostLock } from './db/host-lock';
import { scheduleDailyBackups } from './backup/auto-backup';

export const DB_FILE_NAME = 'duty-room.sqlite';
export const APP_DIR_NAME = 'duty-room-console';

/** Where Electron keeps userData for this app; the web host and CLI default to the same folder. */
export function defaultDataDir(): string {
  if (process.env.DUTY_ROOM_DATA) return process.env.DUTY_ROOM_DATA;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

export interface Core {
  service: Service;
  db: Database.Database;
  dataFile: string;
  close(): void;
}

export const lockFileOf = (dataFile: string) => `${dataFile}.lock`;

/**
 * Opens the core. A long-running host (`host: true`: the app window, the web host) also takes the
 * database's host lock and makes the daily backups; the CLI's short commands do neither.
 */
export function openCore(
  dataDir: string,
  opts: { clock?: Clock; host?: boolean; /** Recovery: look without changing anything. */ readonly?: boolean } = {},
): Core {
  const clock = opts.clock ?? systemClock;
  mkdirSync(dataDir, { recursive: true });
  const dataFile = join(dataDir, DB_FILE_NAME);
  const release = opts.host ? acquireHostLock(lockFileOf(dataFile)) : () => {};
  let db: Database.Database;
  try {
    db = openDatabase(dataFile, { clock, appVersion: APP_VERSION, readonly: opts.readonly });
  } catch (e) {
    release();
    throw e;
  }
  const service = createService({ db, clock, appVersion: APP_VERSION, dataFile });
  const stopBackups = opts.host && !opts.readonly ? scheduleDailyBackups(service.ctx) : () => {};
  return {
    service,
    db,
    dataFile,
    close: () => {
      stopBackups();
      // Keeps the query planner's statistics fresh for the filters (SQLite's advice for closing).
      try {
        if (!db.readonly) db.pragma('optimize');
      } catch {
        // Statistics are an optimisation: a busy or damaged file must not turn a clean close into an error.
      }
      db.close();
      release();
    },
  };
}
