import { Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineSummary } from '@contract';
import { useSettings } from '../../app/settings-context';
import { formatTime } from '../../components/time-format';
import { LevelBadge } from '../incidents/LevelBadge';
import { useFirstShown } from '../../hooks/useFirstShown';

/**
 * Drawn at first; the rest of the listed ones on request. At the foot of the desk, and ten years of
 * imported records can leave two hundred here: drawing them all cost the first paint 0.3 s at 1M records.
 */
const FIRST_SHOWN = 8;

/**
 * Open incidents nothing has happened to for weeks (often records imported from a previous system):
 * listed apart so they do not bury today's deadlines, and offered for closing.
 */
export function StaleIncidents(props: { summary: DeadlineSummary; openIncident(id: number): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { counts, stale, staleAfterDays } = props.summary;
  const { shown, hidden, showAll } = useFirstShown(stale, FIRST_SHOWN);
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
      {shown.map((i) => (
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
      {hidden > 0 && (
        <Button variant="subtle" onClick={showAll} data-testid="now-stale-more">
          {t('now.showMore', { count: hidden })}
        </Button>
      )}
    </Stack>
  );
}
