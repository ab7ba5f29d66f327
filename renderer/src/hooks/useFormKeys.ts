import { useEffect, useRef } from 'react';
import { isConfirmOpen } from '../components/confirm';

/**
 * Esc cancels (the caller asks first if anything is unsaved) and Ctrl+Enter saves, wherever focus is
 * inside the dialog — the modal's close button included. Also puts the cursor in the first field.
 * While a confirmation is up the keys belong to it.
 */
export function useFormKeys(opts: { onSave(): void; onCancel(): void; firstField?: string }) {
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isConfirmOpen()) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        latest.current.onCancel();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        latest.current.onSave();
      }
    };
    window.addEventListener('keydown', onKey, true);
    const focusTimer = setTimeout(() => {
      if (latest.current.firstField)
        document.querySelector<HTMLElement>(`[data-testid="${latest.current.firstField}"]`)?.focus();
    }, 50);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      clearTimeout(focusTimer);
    };
  }, []);
}
