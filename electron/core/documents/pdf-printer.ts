import { AppError } from '../contract/errors';
import type { CoreContext } from '../context';

/** Prints the document HTML to PDF bytes (A4, page size from the CSS @page rule). */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/**
 * The core cannot print by itself (no browser engine in plain Node). Each host's composition root passes
 * the printer it has: Electron main its own webContents.printToPDF (asked over the utility-process port),
 * the web host and CLI a local Chromium through playwright-core. Without one, `format: 'pdf'` fails with
 * export.pdf_unavailable and the UI prints the preview instead.
 */
export async function printPdf(ctx: CoreContext, html: string): Promise<Buffer> {
  const printer = ctx.wiring.pdfPrinter;
  if (!printer) throw new AppError('export.pdf_unavailable');
  const bytes = await printer(html);
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
