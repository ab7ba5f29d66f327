import { Badge, Button, Group, NavLink, Paper, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { formatInstant } from '../roster/format';
import { HandoverDetail } from './HandoverDetail';
import { STATUS_COLOR } from './status';

/** Master–detail: past handovers (awaiting review first, searchable) on the left, the record on the right. */
export function HandoverPage() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const [query, setQuery] = useState('');
  const [currentId, setCurrentId] = useState<number | null>(null);
  const errors = useApiErrors();
  const write = useMutationCall();
  // Saving, signing or refreshing a handover is a write: both queries are read again after it.
  const list = useQuery('handover.list', { query }).data ?? [];
  const fetched = useQuery('handover.get', currentId === null ? null : { id: currentId }).data;
  const current = fetched && fetched.id === currentId ? fetched : null;

  async function draft() {
    try {
      setCurrentId((await write('handover.draft', {})).id);
    } catch (e) {
      errors.show(e);
    }
  }

  return (
    <Group align="flex-start" wrap="nowrap" gap="md">
      <Stack w={320} gap="sm" style={{ position: 'sticky', top: 72, alignSelf: 'flex-start' }}>
        <Title order={2}>{t('handover.title')}</Title>
        <Button onClick={() => void draft()} data-testid="handover-draft">
          {t('handover.draftCurrent')}
        </Button>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('handover.search')}
          aria-label={t('handover.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <Paper withBorder>
          <ScrollArea.Autosize mah="70vh">
            {list.length === 0 && (
              <Text p="sm" c="dimmed" size="sm">
                {t('handover.empty')}
              </Text>
            )}
            {list.map((h) => (
              <NavLink
                key={h.id}
                active={current?.id === h.id}
                onClick={() => setCurrentId(h.id)}
                data-testid={`handover-item-${h.id}`}
                label={
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {h.date} {h.shift === 'full' ? '' : t(`roster.shift.${h.shift}`)}
                    </Text>
                    <Badge color={STATUS_COLOR[h.status]} variant={h.status === 'signed' ? 'filled' : 'light'}>
                      {t(`handover.status.${h.status}`)}
                    </Badge>
                  </Group>
                }
                description={`${h.outgoing?.name ?? '—'} → ${h.incoming?.name ?? '—'} · ${formatInstant(h.periodEnd, settings.timeZone, i18n.language)}`}
              />
            ))}
          </ScrollArea.Autosize>
        </Paper>
      </Stack>
      <div style={{ flex: 1, minWidth: 0 }}>
        {current ? (
          <HandoverDetail key={current.id} handover={current} />
        ) : (
          <Text c="dimmed" mt={48}>
            {t('handover.select')}
          </Text>
        )}
      </div>
    </Group>
  );
}
