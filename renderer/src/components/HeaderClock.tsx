import { Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Date, weekday and time in the duty room's zone, not the workstation's. */
export function HeaderClock({ timeZone }: { timeZone: string }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  // One formatter per zone and language, not one a second: making one costs more than the render.
  const fmt = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      }),
    [i18n.language, timeZone],
  );
  return (
    <Text ff="monospace" fw={600} size="lg" data-testid="header-clock">
      {fmt.format(now)}
    </Text>
  );
}
