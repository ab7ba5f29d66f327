import { Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useDataEvents } from '../../app/data-events';
import { useSettings } from '../../app/settings-context';
import { actorName, formatTime } from '../../components/time-format';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useQuery } from '../../hooks/useQuery';

/** The latest calls; a standalone one can be tied to an open incident once it turns out to belong. */
export function RecentCalls({ openIncident }: { openIncident(id: number): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { changed } = useDataEvents();
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
              </Group>
              <Text size="sm">{c.gist}</Text>
            </div>
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
                data={options}
                searchable
                onChange={(v) =>
                  v && call('calls.link', { id: c.id, incidentId: Number(v) }).then(changed, errors.show)
                }
              />
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
