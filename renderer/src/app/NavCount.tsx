import { Badge } from '@mantine/core';
import { STATE_LOOK } from '../components/state-look';

/**
 * An area's count in the navigation. A circle fits two digits: a room with hundreds overdue showed "6…"
 * instead of a number, so three digits read "99+" (the header's overdue badge carries the full figure).
 */
export function NavCount({ count, urgent, testId }: { count: number; urgent: boolean; testId: string }) {
  return (
    <Badge size="sm" circle={count < 10} color={urgent ? STATE_LOOK.overdue.color : 'gray'} data-testid={testId}>
      {count > 99 ? '99+' : count}
    </Badge>
  );
}
