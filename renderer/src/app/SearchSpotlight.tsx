import { Badge, Group, Text } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../hooks/useQuery';
import { useSettings } from './settings-context';
import { formatTime } from '../components/time-format';

/** Ctrl+K: search incidents, reports, instructions and calls at once. */
export function SearchSpotlight({ openIncident }: { openIncident(id: number): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [query, setQuery] = useState('');
  // Asked once typing pauses; a failed search shows as no hits.
  const [q] = useDebouncedValue(query.trim(), 150);
  const found = useQuery('search.query', q ? { q, limit: 20 } : null);
  const hits = query.trim() && !found.error ? (found.data ?? []) : [];

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut="mod + K" scrollable maxHeight={480}>
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        leftSection={<IconSearch size={18} />}
        data-testid="spotlight-search"
      />
      <Spotlight.ActionsList>
        {hits.map((h) => (
          <Spotlight.Action
            key={`${h.kind}-${h.refId}`}
            onClick={() => h.incidentId && openIncident(h.incidentId)}
            disabled={!h.incidentId}
          >
            <Group wrap="nowrap" gap="xs">
              <Badge variant="light" style={{ flexShrink: 0, textTransform: 'none' }}>
                {t(`search.kind.${h.kind}`)}
              </Badge>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {h.title} · {formatTime(h.at, settings.timeZone)}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {h.snippet}
                </Text>
              </div>
            </Group>
          </Spotlight.Action>
        ))}
        {query.trim() && hits.length === 0 && <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
