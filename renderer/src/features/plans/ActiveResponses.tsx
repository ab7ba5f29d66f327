import { Badge, Grid, Group, NavLink, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateTime } from '@domain';
import { useSettings } from '../../app/settings-context';
import { useQuery } from '../../hooks/useQuery';
import { ActivatePlanButton } from './ActivatePlanButton';
import { ChecklistPanel } from './ChecklistPanel';
import { levelLabel } from './format';

const REFRESH_MS = 30_000;

/** Responses not yet terminated (overdue ones first) beside the selected one's checklist. */
export function ActiveResponses({ initial }: { initial: number | null }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  // Writes refresh it; the interval follows the clock (items falling overdue).
  const rows = useQuery('activations.active', {}, { refetchIntervalMs: REFRESH_MS }).data ?? [];
  const [picked, setSelected] = useState<number | null>(initial);
  const selected = picked ?? rows[0]?.activationId ?? null;

  const sorted = [...rows].sort((a, b) => b.overdueItems.length - a.overdueItems.length);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="xs" data-testid="active-responses">
          <Group>
            <ActivatePlanButton onActivated={(a) => setSelected(a.id)} />
          </Group>
          {rows.length === 0 && <Text c="dimmed">{t('plans.noActive')}</Text>}
          {sorted.map((r) => (
            <NavLink
              key={r.activationId}
              active={selected === r.activationId}
              onClick={() => setSelected(r.activationId)}
              data-testid={`active-${r.activationId}`}
              label={
                <Group gap={6}>
                  <Badge color="red" variant="filled">
                    {levelLabel(t, r.level)}
                  </Badge>
                  <Text fw={600}>{r.planName}</Text>
                </Group>
              }
              description={
                <Stack gap={2}>
                  <Text size="xs">
                    {r.incidentNumber} {r.incidentTitle}
                  </Text>
                  <Group gap={6}>
                    {r.overdueItems.length > 0 && (
                      <Badge size="sm" color="red.7" variant="filled">
                        {t('plans.active.overdue', { count: r.overdueItems.length })}
                      </Badge>
                    )}
                    <Badge size="sm" variant="light">
                      {t('plans.active.open', { count: r.openItems })}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('plans.active.since', { at: localDateTime(r.activatedAt, settings.timeZone) })}
                    </Text>
                  </Group>
                </Stack>
              }
            />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {selected !== null ? (
          <ChecklistPanel activationId={selected} />
        ) : (
          rows.length > 0 && <Text c="dimmed">{t('plans.active.select')}</Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
