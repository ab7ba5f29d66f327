import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Red count of overdue deadlines in the header (counted once, by useNavCounts); a click goes to Now. */
export function OverdueBadge({ overdue, soon, onClick }: { overdue: number; soon: number; onClick(): void }) {
  const { t } = useTranslation();
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
