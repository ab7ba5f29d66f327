import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../core/open-core';
import { PDF_WINDOW_OPTIONS } from './security';

/**
 * Electron's own Chromium prints the document HTML (the same the Reports preview shows): a hidden,
 * sandboxed window without Node. JavaScript stays on for the template's one inline script, which sets
 * the 版记 at the foot of the last page (core/documents/imprint-foot.ts); every text in it is escaped.
 */
export const electronPdfPrinter: PdfPrinter = async (html) => {
  const win = new BrowserWindow({ ...PDF_WINDOW_OPTIONS, webPreferences: { ...PDF_WINDOW_OPTIONS.webPreferences } });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    win.destroy();
  }
};
