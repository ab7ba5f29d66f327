import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { ApiResult } from '../core/contract';
import type { ApiService } from '../core/contract/service';
import { CONTENT_SECURITY_POLICY } from '../core/contract/csp';
import { downloadPath } from '../core/data-dir';
import type { SeatEvents } from '../core/contract/changes';
import { EVENTS_PATH, seatEventStreams } from './server-events';

const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** All request bodies being read at once: many large uploads together must not exhaust memory. */
export const MAX_TOTAL_BODY_BYTES = 64 * 1024 * 1024;
let bodyBytesInFlight = 0;
const TOKEN_COOKIE = 'duty_room_token';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const DOWNLOAD_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

export interface WebHostOptions {
  service: ApiService;
  rendererDir: string;
  token: string;
  /** Where the core writes big exports (downloadsDirOf the database); served at GET /download/<name>. */
  downloadsDir?: string;
  /** What changed and the shared database's link, pushed to pages at GET /events (none: the stream is 404). */
  events?: SeatEvents;
}

function sameToken(a: string | undefined, token: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(token);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Cookies are not per port, so the name carries the port: other local hosts never see a match. */
function cookieName(req: IncomingMessage): string {
  const port = /:(\d+)$/.exec(req.headers.host ?? '')?.[1] ?? '80';
  return `${TOKEN_COOKIE}_${port}`;
}

function cookieToken(req: IncomingMessage): string | undefined {
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === cookieName(req)) return v;
  }
  return undefined;
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(res, status, JSON.stringify(result));
}

/** The body, or 'too_large' (this one over its cap) or 'busy' (all bodies together over theirs). */
function readBody(req: IncomingMessage): Promise<string | 'too_large' | 'busy'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const release = () => {
      bodyBytesInFlight -= size;
      size = 0;
    };
    const stop = (why: 'too_large' | 'busy') => {
      // Answer first (the caller sends 413/503), then stop reading what is left.
      req.removeAllListeners('data');
      req.pause();
      release();
      resolve(why);
    };
    req.on('data', (c: Buffer) => {
      if (size + c.length > MAX_BODY_BYTES) return stop('too_large');
      if (bodyBytesInFlight + c.length > MAX_TOTAL_BODY_BYTES) return stop('busy');
      size += c.length;
      bodyBytesInFlight += c.length;
      chunks.push(c);
    });
    req.on('end', () => {
      release();
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => {
      release();
      reject(e);
    });
    req.on('close', release);
  });
}

/** Status for an error code: the body always carries the code for the UI to translate. */
function statusFor(code: string): number {
  if (code === 'validation') return 400;
  if (code === 'unknown_method' || code === 'not_found') return 404;
  if (code === 'conflict') return 409;
  // Waiting helps: the database or the host is busy, or the disk needs attention.
  if (['db.busy', 'host.busy', 'db.damaged', 'db.io', 'db.disk_full'].includes(code)) return 503;
  if (code === 'internal') return 500;
  return 422;
}

/**
 * The web host: the built renderer plus POST /api/<method>, forwarding to the same service the
 * Electron preload reaches. Bound to 127.0.0.1 by the caller; every request needs the per-run token
 * (query on first load, then a same-site cookie, or the X-Duty-Room-Token header).
 */
export function createWebHost({ service, rendererDir, token, downloadsDir, events }: WebHostOptions): Server {
  const streams = events ? seatEventStreams(events) : null;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendResult(res, 500, { ok: false, error: { code: 'internal' } });
      else res.end();
    });
  });
  // An open event stream is never idle: closing the host ends them, or close() would wait forever.
  const close = server.close.bind(server);
  server.close = (cb) => {
    streams?.close();
    return close(cb);
  };
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach the API.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost')
      return send(res, 403, '{"ok":false,"error":{"code":"unauthorized"}}');

    const queryToken = url.searchParams.get('token') ?? undefined;
    const headerToken = req.headers['x-duty-room-token'];
    const byHeader = sameToken(typeof headerToken === 'string' ? headerToken : undefined, token);
    const isApi = url.pathname.startsWith('/api/') || url.pathname === EVENTS_PATH;
    // The API takes the token only from its header, which another page cannot set (no CSRF through
    // the cookie); the cookie and the first URL only unlock the static app shell.
    const authorised = isApi
      ? byHeader
      : byHeader || sameToken(cookieToken(req), token) || (req.method === 'GET' && sameToken(queryToken, token));
    if (!authorised) return sendResult(res, 401, { ok: false, error: { code: 'unauthorized' } });

    if (url.pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return sendResult(res, 405, { ok: false, error: { code: 'unknown_method' } });
      if (!streams) return sendResult(res, 404, { ok: false, error: { code: 'not_found' } });
      return streams.serve(req, res);
    }
    if (isApi) {
      if (req.method !== 'POST') return sendResult(res, 405, { ok: false, error: { code: 'unknown_method' } });
      const body = await readBody(req);
      if (body === 'too_large' || body === 'busy') {
        res.setHeader('Connection', 'close');
        if (body === 'busy') sendResult(res, 503, { ok: false, error: { code: 'host.busy' } });
        else sendResult(res, 413, { ok: false, error: { code: 'validation', params: { reason: 'too_large' } } });
        req.destroy();
        return;
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendResult(res, 400, { ok: false, error: { code: 'validation', params: { reason: 'json' } } });
      }
      const result = await service.invokeRaw(safeDecode(url.pathname.slice(5)) ?? '', input);
      return sendResult(res, result.ok ? 200 : statusFor(result.error.code), result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '');
    if (url.pathname.startsWith('/download/')) return serveDownload(url, res);
    if (queryToken) {
      res.setHeader('Set-Cookie', `${cookieName(req)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    serveStatic(url.pathname, res);
  }

  /** A prepared export, streamed from disk under the name the page asks for (a plain link downloads it). */
  function serveDownload(url: URL, res: ServerResponse): void {
    const path = downloadsDir ? downloadPath(downloadsDir, url.pathname.slice('/download/'.length)) : null;
    const st = path ? statOrNull(path) : null;
    if (!path || !st || !st.isFile()) return send(res, 404, '');
    const name = (url.searchParams.get('name') ?? 'export').replace(/[\\/:*?"<>|\r\n]/g, '_');
    res.writeHead(200, {
      'Content-Type': DOWNLOAD_TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    });
    createReadStream(path).pipe(res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const decoded = safeDecode(pathname);
    if (decoded === null) return send(res, 404, '');
    const rel = normalize(decoded).replace(/^([/\\])+/, '');
    let file = join(rendererDir, rel);
    if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(res, 404, '');
    let st = statOrNull(file);
    if (!st || st.isDirectory()) {
      // Client-side routes fall back to the app shell.
      file = join(rendererDir, 'index.html');
      st = statOrNull(file);
      if (!st) return send(res, 503, 'renderer not built: run npm run build', 'text/plain; charset=utf-8');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  }
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
