import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * Transitional: the incidents feature still says `changed()` after a write it made with `call`; it now
 * invalidates every query, exactly what useMutationCall does. Goes once those forms use useMutationCall.
 */
export function useDataEvents(): { changed(): void } {
  const client = useQueryClient();
  const changed = useCallback(() => void client.invalidateQueries(), [client]);
  return { changed };
}
