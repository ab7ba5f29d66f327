import { app, dialog } from 'electron';
import { join } from 'node:path';
import { defaultDataDir, openCore, type Core } from '../core/open-core';
import { registerAppScheme, serveRenderer } from './protocol';
import { wireIpc } from './ipc';
import { electronPdfPrinter } from './pdf';
import { setPdfPrinter } from '../core/documents/pdf-printer';
import { createMainWindow, hardenSessions } from './window';
import { notifyOverdue } from './notifications';
import { overdueTitle } from './notification-text';
import { getSettings } from '../core/settings/settings-repo';
import { AppError } from '../core/contract/errors';
import { NEEDS_RECOVERY, errorText, hostLanguage, recoveryText } from '../core/messages';

app.enableSandbox();
registerAppScheme();
// The same folder the web host and CLI use, whatever productName the installer gives the app.
app.setPath('userData', defaultDataDir());

let core: Core | null = null;

function fatal(title: string, err: unknown): void {
  // A database that cannot be used as it is: the translated reason and the ways out (restore a backup,
  // open it read-only, export what is readable).
  const lang = hostLanguage();
  const app2 = err instanceof AppError ? err : null;
  const detail = app2
    ? `${errorText(app2.code, app2.params, lang)}${NEEDS_RECOVERY.has(app2.code) ? '\n\n' + recoveryText(app.getPath('userData'), lang) : ''}`
    : err instanceof Error
      ? err.message
      : String(err);
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
    core = openCore(app.getPath('userData'), { host: true });
  } catch (e) {
    fatal(hostLanguage() === 'zh-CN' ? '值班室值守台无法打开数据库' : 'Duty Room Console cannot open its database', e);
    return;
  }
  serveRenderer(join(__dirname, '../renderer'));
  wireIpc(core.service);
  setPdfPrinter(electronPdfPrinter);
  createMainWindow();
  const service = core.service;
  notifyOverdue(service, (d) => overdueTitle(getSettings(service.ctx).language, d.kind));
});

app.on('window-all-closed', () => {
  core?.close();
  core = null;
  app.quit();
});
