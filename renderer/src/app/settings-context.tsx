import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { Settings, SettingsUpdate } from '@contract';
import { call } from '../api/client';
import { useMutationCall } from '../hooks/useMutationCall';
import { initI18n } from '../i18n';

interface SettingsState {
  settings: Settings;
  update(patch: SettingsUpdate): Promise<Settings>;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function useSettings(): SettingsState {
  const ctx = useContext(SettingsContext);
  if (!ctx) throw new Error('useSettings outside SettingsProvider');
  return ctx;
}

/**
 * Settings under the same query key useQuery('settings.get', {}) would use, so any write refreshes them.
 * The UI language follows the stored setting, switched before the new settings render.
 */
export const SETTINGS_QUERY = {
  queryKey: ['settings.get', {}],
  queryFn: () =>
    call('settings.get', {}).then((s) => {
      initI18n(s.language);
      return s;
    }),
};

export function SettingsProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { data: settings, error } = useQuery(SETTINGS_QUERY);
  const write = useMutationCall();
  const client = useQueryClient();
  // The stored settings come back from the write: the language and name switch at once.
  const update = useCallback(
    async (patch: SettingsUpdate) => {
      const next = await write('settings.update', patch);
      initI18n(next.language);
      client.setQueryData(['settings.get', {}], next);
      return next;
    },
    [write, client],
  );

  if (error && !settings) throw error;
  if (!settings) return <>{fallback}</>;
  return <SettingsContext.Provider value={{ settings, update }}>{children}</SettingsContext.Provider>;
}
