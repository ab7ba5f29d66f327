import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PDF_WINDOW_OPTIONS,
  guardContents,
  isExternalAllowed,
  mainWindowOptions,
  permissionCheckHandler,
  permissionRequestHandler,
} from '../../electron/main/security';
import { ROOT } from './built';

/** A stand-in for WebContents: records the handlers the guards register. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on: (e: string, l: (...a: never[]) => void) => emitter.on(e, l as (...a: unknown[]) => void),
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    emit: (e: string, ...args: unknown[]) => emitter.emit(e, ...args),
    listeners: (e: string) => emitter.listenerCount(e),
    open: (url: string) => openHandler!({ url }),
  };
}

function event(url?: string) {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('Electron main-process security (fails on any regression)', () => {
  it('window options: isolated, sandboxed, no node, no webview, web security on', () => {
    const w = mainWindowOptions('/p/preload.js').webPreferences;
    expect(w).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/p/preload.js',
    });
    // The print window runs only the template's 版记 placement script: sandboxed, isolated, no Node, no preload.
    expect(PDF_WINDOW_OPTIONS.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(PDF_WINDOW_OPTIONS.webPreferences).not.toHaveProperty('preload');
  });

  it('permissions are refused, asked or checked', () => {
    let granted: boolean | null = null;
    permissionRequestHandler(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(permissionCheckHandler()).toBe(false);
  });

  it('navigation, redirects and sub-frame navigation stay in the app; new windows never open', () => {
    const c = fakeContents();
    const opened: string[] = [];
    guardContents(c, { isPackaged: true }, (u) => opened.push(u));
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = event();
      c.emit(name, away, 'https://evil.example/');
      expect(away.prevented, name).toBe(true);
      const inside = event();
      c.emit(name, inside, 'app://renderer/index.html');
      expect(inside.prevented, name).toBe(false);
    }
    const frame = event('https://evil.example/frame');
    c.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);
    // The current Electron form: the target on the event itself.
    const redirect = event('https://evil.example/r');
    c.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
    const own = event('app://renderer/#/log');
    c.emit('will-frame-navigate', own);
    expect(own.prevented).toBe(false);
    const webview = event();
    c.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);

    expect(c.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(c.open('https://www.gov.cn/zhengce/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.gov.cn/zhengce/']);
  });

  it('openExternal only to the allow-list, https, no credentials or look-alikes', () => {
    expect(isExternalAllowed('https://www.mem.gov.cn/')).toBe(true);
    for (const url of [
      'http://www.gov.cn/',
      'https://www.gov.cn.evil.example/',
      'https://user:pw@www.gov.cn/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ])
      expect(isExternalAllowed(url), url).toBe(false);
  });

  it('the window module wires these (no inline options), and shell.openExternal is called nowhere else', () => {
    const win = readFileSync(join(ROOT, 'electron/main/window.ts'), 'utf8');
    expect(win).toContain('guardContents(');
    expect(win).toContain('mainWindowOptions(');
    expect(win).not.toMatch(/webPreferences\s*:/);
    const main = ['index.ts', 'ipc.ts', 'pdf.ts', 'notifications.ts', 'protocol.ts'].map((f) =>
      readFileSync(join(ROOT, 'electron/main', f), 'utf8'),
    );
    expect(main.join('\n')).not.toContain('openExternal');
  });

  it('electron-builder fuses: no run-as-node, no NODE_OPTIONS, no inspect, asar only, no file:// privileges', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    const fuses = Object.fromEntries(
      [...yml.split('electronFuses:')[1]!.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']),
    );
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
