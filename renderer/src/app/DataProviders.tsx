import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ModalsProvider } from '@mantine/modals';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';

/**
 * The query cache (the app's own, made before the first render: see first-reads.ts) and the confirmation
 * modals; inside MantineProvider. Tests mount the same pair.
 */
export function DataProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [cache] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={cache}>
      <ModalsProvider>{children}</ModalsProvider>
    </QueryClientProvider>
  );
}
