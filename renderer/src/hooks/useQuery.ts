import { keepPreviousData, useQuery as useTanstackQuery } from '@tanstack/react-query';
import type { MethodInput, MethodName } from '@contract';
import { call } from '../api/client';

/**
 * Calls a read method; the query key is [method, input], so a changed input asks again and every write
 * (useMutationCall invalidates all queries) refreshes what is shown. `input: null` waits (nothing to ask).
 * `refetchIntervalMs` is for views that must follow the clock (who is on duty now).
 */
export function useQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  opts: { refetchIntervalMs?: number } = {},
) {
  const q = useTanstackQuery({
    queryKey: [method, input],
    queryFn: () => call(method, input as MethodInput<M>),
    enabled: input !== null,
    // While a new input loads, the previous answer stays on screen instead of flashing empty.
    placeholderData: keepPreviousData,
    refetchInterval: opts.refetchIntervalMs,
  });
  return { data: input === null ? null : (q.data ?? null), error: q.error, loading: q.isFetching, refetch: q.refetch };
}
