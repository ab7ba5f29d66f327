import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useQuery } from '../../hooks/useQuery';
import { CallCard } from '../incidents/CallCard';

/** The latest calls; a standalone one can be tied to an open incident once it turns out to belong. */
export function RecentCalls({ openIncident }: { openIncident(id: number): void }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const errors = useApiErrors();
  const calls = useQuery('calls.list', { limit: 20 });
  const open = useQuery('incidents.list', { status: 'open', limit: 100 });
  const options = (open.data?.items ?? []).map((i) => ({ value: String(i.id), label: `${i.number} ${i.title}` }));
  return (
    <Stack gap={6}>
      <Title order={4}>{t('now.recentCalls')}</Title>
      {calls.data?.length === 0 && <Text c="dimmed">{t('call.none')}</Text>}
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
              <Select
                size="xs"
                w={240}
                placeholder={t('now.linkToIncident')}
                aria-label={t('now.linkToIncident')}
                data={options}
                searchable
                onChange={(v) => v && write('calls.link', { id: c.id, incidentId: Number(v) }).catch(errors.show)}
              />
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
