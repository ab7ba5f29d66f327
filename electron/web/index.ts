import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseCommonArgs } from '../core/args';
import { defaultDataDir, describeFailure, hostLanguage, openCore, type Core } from '../core/open-core';
import { createWebHost } from './server';
import { lazyChromiumPdfPrinter } from './chromium-pdf';

const debug = process.argv.includes('--debug');

/** One line a person can act on (and the ways out when the database cannot be used); stack only with --debug. */
function fail(e: unknown, dataDir: string): never {
  const f = describeFailure(e, dataDir);
  console.error(f.line);
  if (f.recovery) console.error(f.recovery);
  if (debug && e instanceof Error) console.error(e.stack);
  process.exit(f.recovery ? 4 : 1);
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

/** `npm run web -- --data DIR [--url postgres://…] [--port N] [--read-only]`: the app in a browser, on 127.0.0.1 only. */
async function main(): Promise<void> {
  const { values } = parseCommonArgs(process.argv.slice(2));
  const dataDir = values.data ?? defaultDataDir();
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid --port: ${values.port}`);
    process.exit(2);
  }
  // PDF export where a system Chromium exists; the browser's print dialog otherwise.
  const printer = lazyChromiumPdfPrinter();
  let core: Core;
  try {
    core = await openCore(dataDir, {
      host: true,
      pdfPrinter: printer.print,
      readonly: values['read-only'],
      url: values.url,
      seatRole: 'web',
    });
  } catch (e) {
    fail(e, dataDir);
  }
  const token = randomBytes(24).toString('base64url');
  const server = createWebHost({
    service: core.service,
    events: core.events,
    rendererDir: join(__dirname, '..', 'renderer'),
    token,
    downloadsDir: core.downloadsDir,
  });
  server.once('error', (e: NodeJS.ErrnoException) => {
    void core.close();
    if (e.code !== 'EADDRINUSE' && e.code !== 'EACCES') fail(e, dataDir);
    void freePort().then(
      (free) => {
        console.error(
          hostLanguage() === 'zh-CN'
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
    console.log(`data: ${core.location}${values['read-only'] ? ' (read-only)' : ''}`);
  });
  const stop = () => {
    // Let requests in flight (an export waiting on the printer) finish before the database closes;
    // give up after 5 s rather than hang a shutdown.
    setTimeout(() => process.exit(0), 5000).unref();
    server.closeIdleConnections();
    server.close(() => {
      void core
        .close()
        .then(() => printer.close())
        .finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => fail(e, defaultDataDir()));
