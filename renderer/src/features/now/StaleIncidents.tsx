import { Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineSummary } from '@contract';
import { useSettings } from '../../app/settings-context';
import { formatTime } from '../../components/time-format';
import { LevelBadge } from '../incidents/LevelBadge';

/**
 * Open incidents nothing has happened to for weeks (often records imported from a previous system):
 * listed apart so they do not bury today's deadlines, and offered for closing.
 */
export function StaleIncidents(props: { summary: DeadlineSummary; openIncident(id: number): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { counts, stale, staleAfterDays } = props.summary;
  return (
    <Stack gap={6} data-testid="now-stale">
      <Title order={4}>
        {counts.staleCapped
          ? t('now.staleTitleCapped', { shown: counts.stale.toLocaleString('en-US') })
          : t('now.staleTitle', { count: counts.stale })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('now.staleHint', { days: staleAfterDays })}
      </Text>
      {stale.map((i) => (
        <UnstyledButton key={i.id} onClick={() => props.openIncident(i.id)}>
          <Paper withBorder p="xs">
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <LevelBadge level={i.level} />
                <Text truncate>
                  {i.number} {i.title}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                {t('now.lastActivity', { at: formatTime(i.lastActivityAt, settings.timeZone) })}
              </Text>
            </Group>
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
