import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * A change counter: every successful write bumps it and every view that shows stored data refetches.
 * Simple and correct for one workstation; no cache to go stale at 3 a.m.
 */
interface DataEvents {
  version: number;
  changed(): void;
}

const Ctx = createContext<DataEvents>({ version: 0, changed: () => {} });

export function DataEventsProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(() => ({ version, changed }), [version, changed]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDataEvents(): DataEvents {
  return useContext(Ctx);
}
