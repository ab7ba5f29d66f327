import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterDay, RosterShift, RosterSlot, SlotRef } from '@contract';
import { useSettings } from '../../app/settings-context';
import { errorText } from '../../i18n';
import { ApiError } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { GenerateModal } from './GenerateModal';
import { RosterChanges } from './RosterChanges';
import { SlotEditModal } from './SlotEditModal';
import { currentMonth, shiftMonth, weekdayName } from './format';

export function RosterMonthView() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const [month, setMonth] = useState(() => currentMonth(settings.timeZone));
  const [generating, setGenerating] = useState(false);
  const [editing, setEditing] = useState<{ at: SlotRef; slot: RosterSlot } | null>(null);
  // Generating or editing a slot writes through useMutationCall, which refreshes this month.
  const { data, error } = useQuery('roster.month', { month });
  const loadError = error ? errorText(error instanceof ApiError ? error.shape : { code: 'internal' }) : null;

  const conflictAt = (date: string, shift: string, role: string, slot: number) =>
    data?.conflicts.filter((c) => c.date === date && c.shift === shift && c.role === role && c.slot === slot) ?? [];

  const cell = (day: RosterDay, s: RosterShift, slot: RosterSlot) => {
    const problems = conflictAt(day.date, s.shift, slot.role, slot.slot);
    return (
      <UnstyledButton
        onClick={() => setEditing({ at: { date: day.date, shift: s.shift, role: slot.role, slot: slot.slot }, slot })}
        data-testid={`slot-${day.date}-${s.shift}-${slot.role}-${slot.slot}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text size="sm" c={problems.length ? 'red.7' : undefined} fw={problems.length ? 700 : undefined}>
            {slot.person?.name ?? t('roster.nobody')}
          </Text>
          {slot.source && slot.source !== 'generated' && (
            <Badge size="xs" variant="light" color={slot.source === 'assign' ? 'gray' : 'blue'}>
              {t(`roster.changeKind.${slot.source}`)}
            </Badge>
          )}
        </Group>
      </UnstyledButton>
    );
  };

  const roles = ['leader', 'lead', 'second'] as const;
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            aria-label={t('roster.prevMonth')}
            onClick={() => setMonth(shiftMonth(month, -1))}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Title order={4} data-testid="roster-month">
            {month}
          </Title>
          <ActionIcon
            variant="default"
            aria-label={t('roster.nextMonth')}
            onClick={() => setMonth(shiftMonth(month, 1))}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
          {data && (
            <Badge color={data.conflicts.length ? 'red' : 'green'} variant="light" data-testid="roster-conflict-count">
              {data.conflicts.length
                ? t('roster.conflicts', { count: data.conflicts.length })
                : t('roster.noConflicts')}
            </Badge>
          )}
        </Group>
        <Button onClick={() => setGenerating(true)} data-testid="roster-generate">
          {t('roster.generate')}
        </Button>
      </Group>
      {loadError && <Alert color="red">{loadError}</Alert>}
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Paper withBorder style={{ flex: 3, overflowX: 'auto' }}>
          <Table
            striped
            highlightOnHover
            verticalSpacing={4}
            styles={{ th: { whiteSpace: 'nowrap' }, td: { whiteSpace: 'nowrap' } }}
            data-testid="roster-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('roster.date')}</Table.Th>
                <Table.Th>{t('roster.weekday')}</Table.Th>
                {data?.config.shiftModel.kind === 'day_night' && <Table.Th />}
                {roles.map((r) => (
                  <Table.Th key={r}>{t(`role.${r}`)}</Table.Th>
                ))}
                <Table.Th>{t('roster.phones')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.days.flatMap((day) =>
                day.shifts.map((s) => (
                  <Table.Tr key={day.date + s.shift} bg={day.holiday ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">{day.date.slice(5)}</Text>
                        {day.holiday && (
                          <Badge size="xs" color="red" variant="light">
                            {day.holiday.name}
                            {day.holiday.reinforced ? ` · ${t('roster.reinforced')}` : ''}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{weekdayName(day.date, i18n.language)}</Table.Td>
                    {data.config.shiftModel.kind === 'day_night' && <Table.Td>{t(`roster.shift.${s.shift}`)}</Table.Td>}
                    {roles.map((r) => (
                      <Table.Td key={r}>
                        <Stack gap={0}>
                          {s.slots
                            .filter((x) => x.role === r)
                            .map((x) => (
                              <div key={x.slot}>{cell(day, s, x)}</div>
                            ))}
                        </Stack>
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {s.slots
                          .map((x) => x.person?.phones[0])
                          .filter(Boolean)
                          .join(' / ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Paper>
        {data && <RosterChanges data={data} />}
      </Group>
      <GenerateModal month={month} opened={generating} onClose={() => setGenerating(false)} />
      {editing && data && <SlotEditModal month={data} editing={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
