import type { DocumentModel } from './blocks';

/**
 * The DOCX writer, loaded with the first DOCX made: the `docx` package took 45 ms of every host's start
 * (measured, web host at 1M records), and most starts make no document.
 */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  return (await import('./render-docx')).renderDocx(model);
}
