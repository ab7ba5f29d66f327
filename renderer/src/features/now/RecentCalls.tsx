import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { Call } from '@contract';
import { useTranslation } from 'react-i18next';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useQuery } from '../../hooks/useQuery';
import { OPEN_INCIDENTS } from '../../app/first-reads';
import { CallCard } from '../incidents/CallCard';
import { useNow } from '../../hooks/useNow';

const DAY_MS = 86_400_000;

/** Today's calls (the last 24 hours), newest first; a standalone one can be tied to an open incident once it turns out to belong. */
export function RecentCalls({
  openIncident,
  incidentFromCall,
}: {
  openIncident(id: number): void;
  incidentFromCall(c: Call): void;
}) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const errors = useApiErrors();
  // "Today" in a room that never closes is the last 24 hours, not since midnight: a call at 23:50 that
  // still has to be tied to an incident must not vanish ten minutes later. Moves on each minute.
  const now = useNow(60_000);
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const calls = useQuery('calls.list', { since, limit: 50 });
  const open = useQuery('incidents.list', OPEN_INCIDENTS);
  const options = (open.data?.items ?? []).map((i) => ({ value: String(i.id), label: `${i.number} ${i.title}` }));
  return (
    <Stack gap={6} data-testid="now-calls">
      <Title order={4}>{t('now.todayCalls', { count: calls.data?.length ?? 0 })}</Title>
      {calls.data?.length === 0 && <Text c="dimmed">{t('now.noCallsToday')}</Text>}
      {(calls.data ?? []).map((c) => (
        <Paper key={c.id} withBorder p="xs" data-testid={`recent-call-${c.id}`}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <CallCard call={c} />
            {c.incidentId ? (
              <Text
                size="sm"
                c="blue"
                style={{ cursor: 'pointer', flexShrink: 0 }}
                onClick={() => openIncident(c.incidentId!)}
              >
                {t('now.openIncident')}
              </Text>
            ) : (
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => incidentFromCall(c)}
                  data-testid={`call-to-incident-${c.id}`}
                >
                  {t('call.makeIncident')}
                </Button>
                <Select
                  size="xs"
                  w={240}
                  placeholder={t('now.linkToIncident')}
                  data={options}
                  aria-label={t('now.linkToIncident')}
                  searchable
                  onChange={(v) => v && write('calls.link', { id: c.id, incidentId: Number(v) }).catch(errors.show)}
                />
              </Group>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
