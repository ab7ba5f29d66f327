import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { DOWNLOADS_DIR, defaultDataDir } from '../core/data-dir';
import { registerAppScheme, serveRenderer } from './protocol';
import { wireIpc } from './ipc';
import { createMainWindow, hardenSessions } from './window';
import { notifyOverdue } from './notifications';
import { overdueTitle } from './notification-text';
import { startCoreProcess, type CoreProcess } from './core-process';

app.enableSandbox();
registerAppScheme();
// The same folder the web host and CLI use, whatever productName the installer gives the app.
app.setPath('userData', defaultDataDir());

/** Main holds no database: the core runs in a utility process, reached through this. */
let core: CoreProcess | null = null;
let stopNotifications = () => {};
let stopSeatEvents = () => {};

function fatal(title: string, err: unknown): void {
  const detail = err instanceof Error ? err.message : String(err);
  // A native module built for plain Node (not this Electron) fails here; say so instead of a blank window.
  const hint = /NODE_MODULE_VERSION/.test(detail)
    ? `\n\nbetter-sqlite3 was built for ABI ${process.versions.modules} mismatch; rebuild it for Electron (npm run dist).`
    : '';
  dialog.showErrorBox(title, detail + hint);
  app.exit(1);
}

function focusMainWindow(): void {
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

if (!app.requestSingleInstanceLock()) app.quit();
else app.on('second-instance', focusMainWindow);

void app.whenReady().then(async () => {
  hardenSessions();
  try {
    core = await startCoreProcess(app.getPath('userData'));
  } catch (e) {
    // The core process words the reason (translated, with the ways out: restore, read-only, salvage).
    fatal('值班室值守台无法打开数据库 · Duty Room Console cannot open its database', e);
    return;
  }
  serveRenderer(join(__dirname, '../renderer'));
  stopSeatEvents = wireIpc(core.service, core.events, join(app.getPath('userData'), DOWNLOADS_DIR));
  createMainWindow();
  stopNotifications = notifyOverdue(core.service, overdueTitle);
});

app.on('window-all-closed', () => app.quit());

// Quitting waits for the core process to close the database (WAL checkpoint, host lock released).
app.on('will-quit', (event) => {
  const running = core;
  if (!running) return;
  core = null;
  event.preventDefault();
  stopNotifications();
  stopSeatEvents();
  void running.stop().finally(() => app.quit());
});
