import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { deadlineStatus } from '@contract';
import { useNow } from '../hooks/useNow';
import { useQuery } from '../hooks/useQuery';

/** Red count of overdue deadlines in the header; a click goes to Now. */
export function OverdueBadge({ onClick }: { onClick(): void }) {
  const { t } = useTranslation();
  const now = useNow(5000);
  const { data } = useQuery('deadlines.open', {});
  const overdue = (data ?? []).filter((d) => deadlineStatus(d, now).state === 'overdue').length;
  const soon = (data ?? []).filter((d) => deadlineStatus(d, now).state === 'due_soon').length;
  return (
    <Tooltip label={t('header.overdueHint', { overdue, soon })}>
      <Badge
        component="button"
        onClick={onClick}
        size="lg"
        color={overdue ? 'red.7' : soon ? 'yellow.7' : 'gray'}
        variant={overdue ? 'filled' : 'light'}
        leftSection={<IconAlertTriangle size={14} />}
        style={{ cursor: 'pointer', textTransform: 'none', flexShrink: 0, overflow: 'visible' }}
        data-testid="overdue-badge"
        data-count={overdue}
      >
        {t('header.overdue', { count: overdue })}
      </Badge>
    </Tooltip>
  );
}
