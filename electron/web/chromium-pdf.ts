import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { PdfPrinter } from '../core/documents/pdf-printer';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ARGS = [
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
  const launch = () => (browser ??= pw.chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS }));
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
