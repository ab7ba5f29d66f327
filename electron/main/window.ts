import { BrowserWindow, app, session, shell } from 'electron';
import { join } from 'node:path';
import {
  guardContents,
  isExternalAllowed,
  isTrustedUrl as trusted,
  mainWindowOptions,
  permissionCheckHandler,
  permissionRequestHandler,
  type TrustEnv,
} from './security';
import { APP_ORIGIN } from './protocol';

const env = (): TrustEnv => ({ isPackaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL });

export function isTrustedUrl(url: string): boolean {
  return trusted(url, env());
}

/** Global hardening (security.ts holds the rules): no new windows, no navigation away, no permissions. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler(permissionRequestHandler);
  session.defaultSession.setPermissionCheckHandler(permissionCheckHandler);
  app.on('web-contents-created', (_e, contents) => {
    guardContents(contents, env(), (url) => {
      // Checked again at the door: only the allow-list ever reaches the system browser.
      if (isExternalAllowed(url)) void shell.openExternal(url);
    });
  });
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    ...mainWindowOptions(join(__dirname, '../preload/index.js')),
    // out/main → resources/icon.png (packaged inside the asar, see electron-builder.yml files).
    icon: join(__dirname, '../../resources/icon.png'),
  });
  win.once('ready-to-show', () => win.show());
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && dev) void win.loadURL(dev);
  else void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
