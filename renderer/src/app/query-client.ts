import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for the whole window. Reads are kept only while something shows them and are considered stale
 * at once (staleTime 0), so a view mounted later, or the window regaining focus, asks the core again;
 * every successful write invalidates all of them (see useMutationCall). The core is local and answers in
 * milliseconds, so refetching is cheap — and nothing can sit stale on screen at 3 a.m.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A failed call is a validation or storage answer, not a flaky network: show it at once.
      queries: { retry: false, staleTime: 0, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
