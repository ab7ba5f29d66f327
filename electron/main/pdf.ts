import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../core/open-core';

/**
 * Electron's own Chromium prints the document HTML (the same the Reports preview shows): a hidden,
 * sandboxed window with JavaScript off, since the template needs none.
 */
export const electronPdfPrinter: PdfPrinter = async (html) => {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    win.destroy();
  }
};
