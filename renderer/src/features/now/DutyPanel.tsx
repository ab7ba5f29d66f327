import { Badge, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonBrief } from '@contract';
import { useSettings } from '../../app/settings-context';
import { useQuery } from '../../hooks/useQuery';
import { formatInstant } from '../roster/format';

function who(people: PersonBrief[] | undefined) {
  return people?.length ? people.map((p) => `${p.name}${p.phones[0] ? ` ${p.phones[0]}` : ''}`).join('、') : '—';
}

/** 当前值班: who is on duty, until when (the next handover), read across the room. */
export function DutyPanel() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const { data: duty } = useQuery('duty.now', {});
  if (!duty) return null;
  const cell = (label: string, people: PersonBrief[]) => (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {who(people)}
      </Text>
    </Stack>
  );
  return (
    <Paper withBorder p="md" data-testid="now-duty">
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        {cell(t('role.leader'), duty.leader)}
        {cell(t('role.lead'), duty.lead)}
        {cell(t('role.second'), duty.second)}
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('now.nextHandover')}
          </Text>
          <Text size="xl" fw={700} data-testid="now-next-handover">
            {formatInstant(duty.endsAt, settings.timeZone, i18n.language)}
          </Text>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

/** 预案响应: responses still running, with their overdue checklist items; a terminated one is not here. */
export function ActiveResponsesNow({ openIncident }: { openIncident(id: number): void }) {
  const { t } = useTranslation();
  const { data } = useQuery('activations.active', {});
  if (!data?.length) return null;
  return (
    <Stack gap={6} data-testid="now-responses">
      <Text fw={700} size="lg">
        {t('now.activeResponses')}
      </Text>
      {data.map((r) => (
        <UnstyledButton key={r.activationId} onClick={() => openIncident(r.incidentId)}>
          <Paper withBorder p="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} truncate style={{ minWidth: 0 }}>
                {r.planName} · {t('now.responseLevel', { level: r.level })} · {r.incidentNumber} {r.incidentTitle}
              </Text>
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                {r.overdueItems.length > 0 && (
                  <Badge color="red.7" size="lg" style={{ textTransform: 'none' }}>
                    {t('now.overdueItems', { n: r.overdueItems.length })}
                  </Badge>
                )}
                <Badge color="gray.7" variant="outline" size="lg" style={{ textTransform: 'none' }}>
                  {t('now.openItems', { n: r.openItems })}
                </Badge>
              </Group>
            </Group>
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
