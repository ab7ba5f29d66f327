import { useDebouncedValue } from '@mantine/hooks';
import type { PreviewInput } from '@contract';
import { ApiError } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { errorText } from '../../i18n';

/**
 * The preview of the chosen document, asked again when the options settle (debounced: the officer types
 * distribution lines) and after any write — an export that took the issue number included.
 */
export function usePreview(input: PreviewInput | null) {
  const [settled] = useDebouncedValue(input, 250);
  const q = useQuery('exports.preview', settled);
  const error = q.error ? errorText(q.error instanceof ApiError ? q.error.shape : { code: 'internal' }) : null;
  return { preview: input && !q.error ? q.data : null, loading: q.loading, error };
}
