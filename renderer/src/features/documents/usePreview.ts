import { useEffect, useState } from 'react';
import type { ExportPreview, PreviewInput } from '@contract';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../i18n';

/**
 * Re-renders the preview when the options change (debounced: the officer types distribution lines) or when
 * `version` moves (after an export took the issue number).
 */
export function usePreview(input: PreviewInput | null, version = 0) {
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (!input) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      call('exports.preview', input)
        .then((p) => live && (setPreview(p), setError(null)))
        .catch((e: unknown) => {
          if (!live) return;
          setPreview(null);
          setError(errorText(e instanceof ApiError ? e.shape : { code: 'internal' }));
        })
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, version]);
  return { preview, loading, error };
}
