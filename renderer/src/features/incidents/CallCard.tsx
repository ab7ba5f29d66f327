import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call } from '@contract';
import { useSettings } from '../../app/settings-context';
import { actorName, formatTime } from '../../components/time-format';

/** One call-log entry: direction, party, time, who logged it, gist. */
export function CallCard({ call: c }: { call: Call }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <div style={{ minWidth: 0 }}>
      <Group gap="xs">
        <Badge variant="light" color={c.direction === 'in' ? 'teal' : 'indigo'}>
          {t(`call.${c.direction}`)}
        </Badge>
        <Text size="sm" fw={600}>
          {c.party} {c.number}
        </Text>
        <Text size="xs" c="dimmed">
          {formatTime(c.at, settings.timeZone)} · {actorName(c.createdBy)}
        </Text>
        {c.phoneReportId !== null && (
          <Badge color="grape" variant="light" style={{ textTransform: 'none' }} data-testid="call-is-phone-report">
            {t('call.isPhoneReport')}
          </Badge>
        )}
      </Group>
      <Text size="sm">{c.gist}</Text>
    </div>
  );
}
