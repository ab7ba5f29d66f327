/**
 * The main process's security settings as plain data and functions, without importing `electron`, so a
 * Node test can read them and fail on any regression (tests/core/electron-security.test.ts). window.ts
 * hands them to Electron.
 */
export const APP_ORIGIN = 'app://renderer';

/** The only places a link may open outside the app (in the system browser): official sites, https. */
export const EXTERNAL_ORIGINS: readonly string[] = ['https://www.gov.cn', 'https://www.mem.gov.cn'];

export function isExternalAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_ORIGINS.includes(u.origin) && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export interface TrustEnv {
  isPackaged: boolean;
  /** ELECTRON_RENDERER_URL in development. */
  devUrl?: string;
}

export function isTrustedUrl(url: string, env: TrustEnv): boolean {
  if (url.startsWith(APP_ORIGIN + '/')) return true;
  return !env.isPackaged && !!env.devUrl && url.startsWith(env.devUrl);
}

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

export function mainWindowOptions(preload: string) {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Duty Room Console',
    autoHideMenuBar: true,
    webPreferences: { ...WEB_PREFERENCES, preload },
  };
}

/**
 * The hidden window that prints PDFs: the same sandbox and no preload. Script stays on only for the
 * template's own inline script that sets the 版记 at the foot of the last page (documents/imprint-foot.ts);
 * the page is a data: URL of our escaped template, and navigation away from it is blocked like everywhere.
 */
export const PDF_WINDOW_OPTIONS = {
  show: false,
  webPreferences: { ...WEB_PREFERENCES, javascript: true },
} as const;

/** No camera, microphone, geolocation, notifications-by-page…: every permission is refused. */
export const permissionRequestHandler = (_wc: unknown, _permission: string, callback: (ok: boolean) => void) =>
  callback(false);
export const permissionCheckHandler = () => false;

interface Preventable {
  preventDefault(): void;
}
/** The part of WebContents the guards need (an EventEmitter in tests). */
export interface GuardedContents {
  on(event: string, listener: (...args: never[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Every web contents: no new windows (an allowed link goes to the system browser), no navigation or
 * redirect away from the app, in the top frame or any sub-frame, and no <webview>.
 */
export function guardContents(contents: GuardedContents, env: TrustEnv, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalAllowed(url)) openExternal(url);
    return { action: 'deny' };
  });
  // Electron passes the target as event.url (current) and as the second argument (deprecated).
  const stayInApp = (event: Preventable & { url?: string }, url?: string) => {
    const target = event.url ?? url ?? '';
    if (!isTrustedUrl(target, env)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp as (...args: never[]) => void);
  contents.on('will-redirect', stayInApp as (...args: never[]) => void);
  // Sub-frames too (an injected iframe must not load another site inside the app).
  contents.on('will-frame-navigate', stayInApp as (...args: never[]) => void);
  contents.on('will-attach-webview', ((event: Preventable) => event.preventDefault()) as (...args: never[]) => void);
}
