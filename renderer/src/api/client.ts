import type { DutyRoomBridge } from '@contract/channels';
import type { ApiErrorShape, ApiResult, MethodInput, MethodName, MethodOutput } from '@contract';

declare global {
  interface Window {
    dutyRoom?: DutyRoomBridge;
  }
}

/** An API failure carrying the contract's error code; the UI translates `errors.<code>`. */
export class ApiError extends Error {
  constructor(readonly shape: ApiErrorShape) {
    super(shape.code);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'duty-room-token';

/** The web host hands the per-run token in the first URL; keep it for this tab, then tidy the URL. */
function webToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

type Transport = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

function httpTransport(): Transport {
  const token = webToken();
  return async (method, input) => {
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Duty-Room-Token': token } : {}) },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    try {
      return (await res.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: res.status === 401 ? 'unauthorized' : 'internal' } };
    }
  };
}

let http: Transport | null = null;

function transport(method: string, input: unknown): Promise<ApiResult<unknown>> {
  const bridge = window.dutyRoom;
  if (bridge) return bridge.invoke(method, input) as Promise<ApiResult<unknown>>;
  http ??= httpTransport();
  return http(method, input);
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let result: ApiResult<unknown>;
  try {
    result = await transport(method, input);
  } catch {
    throw new ApiError({ code: 'internal' });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value as MethodOutput<M>;
}

/** Saves an exported file: the native dialog in Electron, a download in the browser. */
export async function saveFile(fileName: string, base64: string, mimeType: string): Promise<boolean> {
  if (window.dutyRoom) return (await window.dutyRoom.saveFile(fileName, base64)).saved;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/**
 * Saves a big export the host prepared on disk: Electron copies it to the path the save dialog chose;
 * the browser follows a plain link to the web host's GET /download/<name> (the host's cookie admits
 * it), so the file streams to disk without passing through this page's memory.
 */
export async function saveDownload(fileName: string, download: string): Promise<boolean> {
  if (window.dutyRoom) return (await window.dutyRoom.saveDownload(fileName, download)).saved;
  clickDownload(`/download/${encodeURIComponent(download)}?name=${encodeURIComponent(fileName)}`, fileName);
  return true;
}

function clickDownload(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.click();
}
