import { useEffect, useState } from 'react';

const EVENT = 'duty-room:roster-changed';

/** Tells the header (and any open roster view) that the roster or the operator changed. */
export function notifyRosterChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** A number that grows on every roster change and every `pollMs`, to re-run effects that read the roster. */
export function useRosterVersion(pollMs?: number): number {
  const [v, setV] = useState(0);
  useEffect(() => {
    const bump = () => setV((x) => x + 1);
    window.addEventListener(EVENT, bump);
    const id = pollMs ? setInterval(bump, pollMs) : undefined;
    return () => {
      window.removeEventListener(EVENT, bump);
      if (id) clearInterval(id);
    };
  }, [pollMs]);
  return v;
}
