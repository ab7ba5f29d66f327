import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const DB_FILE_NAME = 'duty-room.sqlite';
export const APP_DIR_NAME = 'duty-room-console';

/**
 * Where Electron keeps userData for this app; the web host and CLI default to the same folder. A leaf
 * module (no storage imports), so Electron's main process can name the folder without loading SQLite.
 */
export function defaultDataDir(): string {
  if (process.env.DUTY_ROOM_DATA) return process.env.DUTY_ROOM_DATA;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

/**
 * Big exports are written into this folder beside the database and handed over by the host (see
 * core/documents/downloads.ts); the names here let every host find them without loading the core.
 */
export const DOWNLOADS_DIR = 'downloads';
const DOWNLOAD_NAME = /^[0-9a-f]{32}\.(xlsx|csv|docx|pdf)$/;

export function downloadsDirOf(dataFile: string): string {
  return dataFile && dataFile !== ':memory:'
    ? join(dirname(dataFile), DOWNLOADS_DIR)
    : join(tmpdir(), 'duty-room-downloads');
}

/** The path of a prepared download, or null for a name that is not one (never a path outside the folder). */
export function downloadPath(dir: string, name: string): string | null {
  return DOWNLOAD_NAME.test(name) ? join(dir, name) : null;
}

export const isDownloadName = (name: string) => DOWNLOAD_NAME.test(name);
