import { QueryClientProvider } from '@tanstack/react-query';
import { ModalsProvider } from '@mantine/modals';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';

/** The query cache and the confirmation modals; inside MantineProvider. Tests mount the same pair. */
export function DataProviders({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <ModalsProvider>{children}</ModalsProvider>
    </QueryClientProvider>
  );
}
