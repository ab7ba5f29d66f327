import { Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconPhone, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../hooks/useQuery';
import { RecentCalls } from './RecentCalls';
import { FirstRun } from '../setup/FirstRun';
import { ActiveResponsesNow, DutyPanel } from './DutyPanel';
import type { Call } from '@contract';
import { StaleIncidents } from './StaleIncidents';
import { NowActions } from './NowActions';
import { OpenIncidents } from './OpenIncidents';

/** 当前: who is on duty, everything the room owes in one list (overdue first), then what is running. */
export function NowPage(props: {
  openIncident(id: number): void;
  openHandover(): void;
  logCall(): void;
  newIncident(): void;
  incidentFromCall(c: Call): void;
}) {
  const { t } = useTranslation();
  // The same request as the navbar counts (useQuery shares it): the maintained open-deadline table.
  const { data } = useQuery('deadlines.summary', {});
  return (
    <Stack maw={1400} gap="md">
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
      <NowActions openIncident={props.openIncident} openHandover={props.openHandover} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="md">
          <ActiveResponsesNow openIncident={props.openIncident} />
          <OpenIncidents count={data?.counts.openIncidents} openIncident={props.openIncident} />
        </Stack>
        <RecentCalls openIncident={props.openIncident} incidentFromCall={props.incidentFromCall} />
      </SimpleGrid>
      {data && data.counts.stale > 0 && <StaleIncidents summary={data} openIncident={props.openIncident} />}
    </Stack>
  );
}
