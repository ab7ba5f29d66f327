import { Badge, Tooltip } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SeatLink } from './useSeatEvents';

/**
 * The header's word on the shared database: 已连接 / 连接中断. Shown only on a shared record (a single
 * seat on SQLite has no server to lose). While lost, writes are refused (db.unavailable) and the seat
 * reconnects by itself; the tooltip says since when.
 */
export function SeatStatus({ link, timeZone }: { link: SeatLink; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (!link.shared) return null;
  const lost = link.state === 'lost';
  const since = link.since
    ? new Intl.DateTimeFormat(i18n.language, { timeZone, timeStyle: 'medium', dateStyle: 'short' }).format(
        new Date(link.since),
      )
    : '';
  return (
    <Tooltip label={t(lost ? 'header.seat.lostHint' : 'header.seat.okHint', { since })}>
      <Badge
        size="lg"
        color={lost ? 'red' : 'teal'}
        variant={lost ? 'filled' : 'light'}
        leftSection={lost ? <IconPlugConnectedX size={14} /> : <IconPlugConnected size={14} />}
        style={{ textTransform: 'none', flexShrink: 0 }}
        data-testid="seat-status"
        data-state={link.state}
        role="status"
      >
        {t(lost ? 'header.seat.lost' : 'header.seat.ok')}
      </Badge>
    </Tooltip>
  );
}
