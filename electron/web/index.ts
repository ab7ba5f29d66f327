import { AppError } from '../core/contract/errors';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseCommonArgs } from '../core/args';
import { defaultDataDir, openCore } from '../core/open-core';
import { createWebHost } from './server';
import { setPdfPrinter } from '../core/documents/pdf-printer';
import { chromiumPdfPrinter } from './chromium-pdf';
import { fromSqliteError } from '../core/db/sqlite-errors';
import { NEEDS_RECOVERY, errorText, hostLanguage, recoveryText } from '../core/messages';

const lang = hostLanguage();
const debug = process.argv.includes('--debug');

/** One line a person can act on (and the ways out when the database cannot be used); stack only with --debug. */
function fail(e: unknown, dataDir: string): never {
  const app = e instanceof AppError ? e : fromSqliteError(e);
  const prefix = lang === 'zh-CN' ? '错误：' : 'error: ';
  if (app) {
    console.error(`${prefix}${errorText(app.code, app.params, lang)} [${app.code}]`);
    if (NEEDS_RECOVERY.has(app.code)) console.error(recoveryText(dataDir, lang));
  } else console.error(`${prefix}${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  if (debug && e instanceof Error) console.error(e.stack);
  process.exit(app && NEEDS_RECOVERY.has(app.code) ? 4 : 1);
}

/** A port nothing listens on right now, to suggest when the asked one is taken. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const addr = probe.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm run web -- --data DIR [--port N] [--read-only]`: the app in a browser, on 127.0.0.1 only. */
function main(): void {
  const { values } = parseCommonArgs(process.argv.slice(2));
  const dataDir = values.data ?? defaultDataDir();
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid --port: ${values.port}`);
    process.exit(2);
  }
  let core: ReturnType<typeof openCore>;
  try {
    core = openCore(dataDir, { host: true, readonly: values['read-only'] });
  } catch (e) {
    fail(e, dataDir);
  }
  // PDF export where a system Chromium exists; the browser's print dialog otherwise.
  const printer = chromiumPdfPrinter().then((p) => {
    if (p) setPdfPrinter(p.print);
    return p;
  });
  const token = randomBytes(24).toString('base64url');
  const server = createWebHost({ service: core.service, rendererDir: join(__dirname, '..', 'renderer'), token });
  server.once('error', (e: NodeJS.ErrnoException) => {
    core.close();
    if (e.code !== 'EADDRINUSE' && e.code !== 'EACCES') fail(e, dataDir);
    void freePort().then(
      (free) => {
        console.error(
          lang === 'zh-CN'
            ? `错误：端口 ${port} 已被占用或不可用。可改用空闲端口：--port ${free}（或 --port 0 自动选择）。`
            : `error: port ${port} is taken or not allowed. Try a free one: --port ${free} (or --port 0 to pick one).`,
        );
        process.exit(3);
      },
      () => process.exit(3),
    );
  });
  server.listen(port, '127.0.0.1', () => {
    const addr = server.address();
    const actual = typeof addr === 'object' && addr ? addr.port : port;
    console.log(`Duty Room Console web host: http://127.0.0.1:${actual}/?token=${token}`);
    console.log(`data: ${core.dataFile}${values['read-only'] ? ' (read-only)' : ''}`);
  });
  const stop = () => {
    // Let requests in flight (an export waiting on the printer) finish before the database closes;
    // give up after 5 s rather than hang a shutdown.
    setTimeout(() => process.exit(0), 5000).unref();
    server.closeIdleConnections();
    server.close(() => {
      core.close();
      void printer.then((p) => p?.close()).finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (e) {
  fail(e, defaultDataDir());
}
