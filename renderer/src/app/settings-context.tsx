import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Settings, SettingsUpdate } from '@contract';
import { call } from '../api/client';
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

/** Loads settings once; the UI language follows the stored setting. */
export function SettingsProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    call('settings.get', {}).then((s) => {
      initI18n(s.language);
      setSettings(s);
    }, setLoadError);
  }, []);

  const update = useCallback(async (patch: SettingsUpdate) => {
    const next = await call('settings.update', patch);
    initI18n(next.language);
    setSettings(next);
    return next;
  }, []);

  if (loadError) throw loadError;
  if (!settings) return <>{fallback}</>;
  return <SettingsContext.Provider value={{ settings, update }}>{children}</SettingsContext.Provider>;
}
