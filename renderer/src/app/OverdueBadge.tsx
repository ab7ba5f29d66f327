import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STATE_LOOK } from '../components/state-look';

/** Red count of overdue deadlines in the header (counted once, by useNavCounts); a click goes to Now. */
export function OverdueBadge({ overdue, soon, onClick }: { overdue: number; soon: number; onClick(): void }) {
  const { t } = useTranslation();
  // The worst state present decides the colour, from the one state palette.
  const look = STATE_LOOK[overdue ? 'overdue' : soon ? 'due_soon' : 'done'];
  return (
    <Tooltip label={t('header.overdueHint', { overdue, soon })}>
      <Badge
        component="button"
        onClick={onClick}
        size="lg"
        color={look.color}
        variant={overdue ? 'filled' : 'light'}
        c={overdue ? undefined : soon ? 'yellow.9' : undefined}
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
