import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for the whole window. Reads are kept only while something shows them and are stale after two
 * seconds, so a view mounted later, or the window regaining focus, asks the core again; every successful
 * write invalidates all of them (see useMutationCall), and so does every change another seat makes (seat
 * events). The two seconds let the home screen, mounted just after the header asked the same questions,
 * draw from those answers instead of asking again — nothing can sit stale on screen at 3 a.m.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A failed call is a validation or storage answer, not a flaky network: show it at once.
      queries: { retry: false, staleTime: 2_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
