import { BrowserWindow, app, session, shell } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './protocol';

export function isTrustedUrl(url: string): boolean {
  if (url.startsWith(APP_ORIGIN + '/')) return true;
  const dev = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && !!dev && url.startsWith(dev);
}

/** Global hardening: no new windows, no navigation away, no permissions (camera, geolocation…). */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Only plain web links leave the app, in the system browser.
      if (/^https:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Duty Room Console',
    // out/main → resources/icon.png (packaged inside the asar, see electron-builder.yml files).
    icon: join(__dirname, '../../resources/icon.png'),
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && dev) void win.loadURL(dev);
  else void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
