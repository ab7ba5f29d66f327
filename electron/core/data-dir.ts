import { homedir } from 'node:os';
import { join } from 'node:path';

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
