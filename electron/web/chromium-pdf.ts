import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../core/contract';
import type { PdfPrinter } from '../core/open-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Flags that keep Debian's Chromium quiet and off the network (also used by the e2e tests' browser). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A PDF printer for hosts without Electron (web host, tests): the system Chromium driven by playwright-core,
 * printing the very HTML the preview shows. Returns null where either is missing, so PDF export reports
 * export.pdf_unavailable and the browser's own print dialog remains.
 */
export async function chromiumPdfPrinter(): Promise<{ print: PdfPrinter; close(): Promise<void> } | null> {
  if (!existsSync(CHROMIUM_PATH)) return null;
  let pw: typeof import('playwright-core');
  try {
    // Kept out of the bundle: playwright-core is a development tool, resolved from node_modules at run time.
    const name = 'playwright-core';
    pw = (await import(/* @vite-ignore */ name)) as typeof import('playwright-core');
  } catch {
    return null;
  }
  let browser: Promise<Browser> | null = null;
  const launch = () => (browser ??= pw.chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }));
  return {
    async print(html) {
      const page = await (await launch()).newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
    },
  };
}

/**
 * The printer a host passes to its composition root before it knows whether anything will be printed:
 * looks for Chromium on the first PDF and launches it once; `close` stops it if it ever ran.
 */
export function lazyChromiumPdfPrinter(): { print: PdfPrinter; close(): Promise<void> } {
  let found: ReturnType<typeof chromiumPdfPrinter> | null = null;
  return {
    async print(html) {
      const printer = await (found ??= chromiumPdfPrinter());
      if (!printer) throw new AppError('export.pdf_unavailable');
      return printer.print(html);
    },
    async close() {
      if (found) await (await found)?.close();
    },
  };
}
