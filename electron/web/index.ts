import { AppError } from '../core/contract/errors';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseCommonArgs } from '../core/args';
import { defaultDataDir, openCore } from '../core/open-core';
import { createWebHost } from './server';
import { lazyChromiumPdfPrinter } from './chromium-pdf';

/** `npm run web -- --data DIR [--port N]`: the app in a browser, on 127.0.0.1 only. */
function main(): void {
  const { values } = parseCommonArgs(process.argv.slice(2));
  const dataDir = values.data ?? defaultDataDir();
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid --port: ${values.port}`);
    process.exit(2);
  }
  // PDF export where a system Chromium exists; the browser's print dialog otherwise.
  const printer = lazyChromiumPdfPrinter();
  const core = openCore(dataDir, { host: true, pdfPrinter: printer.print });
  const token = randomBytes(24).toString('base64url');
  const server = createWebHost({ service: core.service, rendererDir: join(__dirname, '..', 'renderer'), token });
  server.listen(port, '127.0.0.1', () => {
    const addr = server.address();
    const actual = typeof addr === 'object' && addr ? addr.port : port;
    console.log(`Duty Room Console web host: http://127.0.0.1:${actual}/?token=${token}`);
    console.log(`data: ${core.dataFile}`);
  });
  const stop = () => {
    // Let requests in flight (an export waiting on the printer) finish before the database closes;
    // give up after 5 s rather than hang a shutdown.
    setTimeout(() => process.exit(0), 5000).unref();
    server.closeIdleConnections();
    server.close(() => {
      core.close();
      void printer.close().finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (e) {
  // One line a person can act on (e.g. db.in_use), not a stack trace.
  console.error(e instanceof AppError ? `error: ${e.code} ${JSON.stringify(e.params ?? {})}` : `error: ${String(e)}`);
  process.exit(1);
}
