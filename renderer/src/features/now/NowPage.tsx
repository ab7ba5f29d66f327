import { Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPhone, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { deadlineStatus, compareByUrgency } from '@domain';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { useNow } from '../../hooks/useNow';
import { useQuery } from '../../hooks/useQuery';
import { LevelBadge } from '../incidents/LevelBadge';
import { RecentCalls } from './RecentCalls';
import { FirstRun } from '../setup/FirstRun';
import { ActiveResponsesNow, DutyPanel } from './DutyPanel';
import type { Call } from '@contract';
import { StaleIncidents } from './StaleIncidents';

/** 当前: what needs doing now, overdue first. */
export function NowPage(props: {
  openIncident(id: number): void;
  logCall(): void;
  newIncident(): void;
  incidentFromCall(c: Call): void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  // The same request as the navbar counts (useQuery shares it): the maintained open-deadline table.
  const { data } = useQuery('deadlines.summary', {});
  const items = (data?.deadlines ?? []).map((d) => ({ ...d, status: deadlineStatus(d, now) })).sort(compareByUrgency);
  return (
    <Stack maw={1000} gap="md">
      <FirstRun />
      <Group justify="space-between">
        <Title order={2}>{t('now.title')}</Title>
        <Group>
          <Button leftSection={<IconPhone size={16} />} variant="light" onClick={props.logCall}>
            {t('now.logCall')} (Ctrl+L)
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={props.newIncident}>
            {t('incident.new')} (Ctrl+N)
          </Button>
        </Group>
      </Group>
      <DutyPanel />
      <Title order={4}>{t('now.openDeadlines')}</Title>
      {data && items.length === 0 && <Text c="dimmed">{t('now.nothingDue')}</Text>}
      <Stack gap={6} data-testid="now-deadlines">
        {items.map((d) => (
          <UnstyledButton key={`${d.incidentId}-${d.kind}`} onClick={() => props.openIncident(d.incidentId)}>
            <Paper withBorder p="xs" data-state={d.status.state}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <LevelBadge level={d.level} />
                  <Text fw={600} truncate>
                    {d.incidentNumber} {d.incidentTitle}
                  </Text>
                </Group>
                <DeadlineBadge deadline={d} now={now} size="xl" />
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </Stack>
      {data && data.counts.stale > 0 && <StaleIncidents summary={data} openIncident={props.openIncident} />}
      <ActiveResponsesNow openIncident={props.openIncident} />
      <RecentCalls openIncident={props.openIncident} incidentFromCall={props.incidentFromCall} />
    </Stack>
  );
}
