import { Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context';
import { formatTime } from '../../components/time-format';
import { useQuery } from '../../hooks/useQuery';
import { OPEN_INCIDENTS } from '../../app/first-reads';
import { LevelBadge } from '../incidents/LevelBadge';

/** How many open incidents the desk lists; the count beside the title covers all of them. */
const SHOWN = 8;

/**
 * 在办事件: the open incidents, newest first. The same request as the call-linking menu below (react-query
 * shares it), a page read on the status index, so it adds nothing to the home screen's cost.
 */
export function OpenIncidents(props: { count: number | undefined; openIncident(id: number): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { data } = useQuery('incidents.list', OPEN_INCIDENTS);
  const items = (data?.items ?? []).slice(0, SHOWN);
  return (
    <Stack gap={6} data-testid="now-open-incidents">
      <Title order={4}>{t('now.openIncidents', { count: props.count ?? data?.total ?? 0 })}</Title>
      {data && items.length === 0 && <Text c="dimmed">{t('now.noOpenIncidents')}</Text>}
      {items.map((i) => (
        <UnstyledButton key={i.id} onClick={() => props.openIncident(i.id)}>
          <Paper withBorder p={6}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <LevelBadge level={i.level} />
                <Text truncate>
                  {i.number} {i.title}
                </Text>
              </Group>
              <Text size="sm" style={{ flexShrink: 0 }}>
                {t('now.receivedAt', { at: formatTime(i.receivedAt, settings.timeZone).slice(5) })}
              </Text>
            </Group>
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
