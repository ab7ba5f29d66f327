import { Center, Loader, MantineProvider, Alert } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import toastClasses from './app/toasts.module.css';
import { Component, type ReactNode } from 'react';
import i18next from 'i18next';
import { SettingsProvider } from './app/settings-context';
import { DataProviders } from './app/DataProviders';
import type { QueryClient } from '@tanstack/react-query';
import { Shell } from './app/Shell';
import { theme } from './app/theme';
import { ApiError } from './api/client';
import { errorText } from './i18n';

class StartupBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    const e = this.state.error;
    const text = e instanceof ApiError ? errorText(e.shape) : i18next.t('errors.internal');
    return (
      <Center h="100vh">
        <Alert color="red" title={i18next.t('errors.title')} data-testid="startup-error">
          {text}
        </Alert>
      </Center>
    );
  }
}

export function App({ client }: { client: QueryClient }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {/* Below the header, never over it (toasts.module.css); toast() keeps a repeated message single. */}
      <Notifications position="top-right" limit={4} classNames={toastClasses} />
      <StartupBoundary>
        <DataProviders client={client}>
          <SettingsProvider
            fallback={
              <Center h="100vh">
                <Loader />
              </Center>
            }
          >
            <Shell />
          </SettingsProvider>
        </DataProviders>
      </StartupBoundary>
    </MantineProvider>
  );
}
