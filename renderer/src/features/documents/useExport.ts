import { useRef, useState } from 'react';
import { toast } from '../../components/toast';
import { useTranslation } from 'react-i18next';
import type { ExportedFile, PreparedFile } from '@contract';
import { ApiError, saveDownload, saveFile } from '../../api/client';
import { useApiErrors } from '../../hooks/useApiErrors';

/**
 * Runs one export and saves its file (native dialog in Electron, download in the browser). `onPdfUnavailable`
 * lets the caller fall back to printing the preview where the host has no PDF printer.
 */
export function useExport() {
  const { t } = useTranslation();
  const errors = useApiErrors();
  const [busy, setBusy] = useState<string | null>(null);
  // One export at a time from a screen: a second click (another format, another row) waits for the first
  // to finish rather than racing it for the same period's issue number. The buttons say so (disabled).
  const running = useRef(false);

  async function run(key: string, produce: () => Promise<ExportedFile | PreparedFile>, onPdfUnavailable?: () => void) {
    if (running.current) return;
    running.current = true;
    setBusy(key);
    errors.clear();
    try {
      const file = await produce();
      const saved =
        'download' in file
          ? await saveDownload(file.fileName, file.download)
          : await saveFile(file.fileName, file.base64, file.mimeType);
      if (saved) {
        toast({ color: 'green', title: t('reports.saved'), message: file.fileName });
      }
    } catch (e) {
      if (e instanceof ApiError && e.shape.code === 'export.pdf_unavailable' && onPdfUnavailable) onPdfUnavailable();
      else errors.show(e);
    } finally {
      running.current = false;
      setBusy(null);
    }
  }

  return { run, busy, errors };
}
