import { AppError } from '../contract/errors';

/** Prints the document HTML to PDF bytes (A4, page size from the CSS @page rule). */
export type PdfPrinter = (html: string) => Promise<Buffer>;

let printer: PdfPrinter | null = null;

/**
 * The core cannot print by itself (no browser engine in plain Node). Each host registers the printer it
 * has: Electron main its own webContents.printToPDF, the web host a local Chromium through playwright-core.
 * Without one, `format: 'pdf'` fails with export.pdf_unavailable and the UI prints the preview instead.
 */
export function setPdfPrinter(p: PdfPrinter | null): void {
  printer = p;
}

export async function printPdf(html: string): Promise<Buffer> {
  if (!printer) throw new AppError('export.pdf_unavailable');
  return printer(html);
}
