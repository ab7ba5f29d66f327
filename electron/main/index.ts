import { app, dialog } from 'electron';
import { join } from 'node:path';
import { defaultDataDir, openCore, type Core } from '../core/open-core';
import { registerAppScheme, serveRenderer } from './protocol';
import { wireIpc } from './ipc';
import { electronPdfPrinter } from './pdf';
import { createMainWindow, hardenSessions } from './window';
import { notifyOverdue } from './notifications';
import { overdueTitle } from './notification-text';

app.enableSandbox();
registerAppScheme();
// The same folder the web host and CLI use, whatever productName the installer gives the app.
app.setPath('userData', defaultDataDir());

let core: Core | null = null;

function fatal(title: string, err: unknown): void {
  const detail = err instanceof Error ? err.message : String(err);
  // A native module built for plain Node (not this Electron) fails here; say so instead of a blank window.
  const hint = /NODE_MODULE_VERSION/.test(detail)
    ? `\n\nbetter-sqlite3 was built for ABI ${process.versions.modules} mismatch; rebuild it for Electron (npm run dist).`
    : '';
  dialog.showErrorBox(title, detail + hint);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(() => {
  hardenSessions();
  try {
    core = openCore(app.getPath('userData'), { host: true, pdfPrinter: electronPdfPrinter });
  } catch (e) {
    fatal('Duty Room Console cannot open its database', e);
    return;
  }
  serveRenderer(join(__dirname, '../renderer'));
  wireIpc(core.service);
  createMainWindow();
  const service = core.service;
  notifyOverdue(service, overdueTitle);
});

app.on('window-all-closed', () => {
  core?.close();
  core = null;
  app.quit();
});
