import { Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type ChecklistItem, type ChecklistItemStatus } from '@contract';
import { localDateTime } from '@domain';
import { actorName } from '../../components/time-format';
import { lookOf } from '../../components/state-look';
import { formatDuration } from '../../components/time-format';
import { levelLabel } from './format';

export function ChecklistRow(props: {
  item: ChecklistItem;
  status: ChecklistItemStatus;
  timeZone: string;
  frozen: boolean;
  onTick(): void;
  onNotApplicable(): void;
  onNote(): void;
}) {
  const { t } = useTranslation();
  const { item, status, timeZone } = props;
  const { state } = status;
  const closed = Boolean(item.done || item.notApplicable);
  const time = (iso: string) => localDateTime(iso, timeZone);
  const counting = state === 'pending' || state === 'due_soon' || state === 'overdue';
  const bg = props.frozen
    ? undefined
    : state === 'overdue'
      ? 'var(--mantine-color-red-light)'
      : state === 'due_soon'
        ? 'var(--mantine-color-yellow-light)'
        : undefined;

  return (
    <Table.Tr data-testid={`checklist-row-${item.key}`} data-state={state} style={{ background: bg }}>
      <Table.Td w={150}>
        <Stack gap={2}>
          {props.frozen && counting ? (
            // The response was terminated: an item left open is its final state, not a countdown.
            <Badge color="gray" variant="outline" data-testid="item-ended-open">
              {t('plans.checklist.state.endedOpen')}
            </Badge>
          ) : (
            <Badge
              color={lookOf(state).color}
              variant={lookOf(state).variant}
              c={lookOf(state).c}
              leftSection={closed ? <IconCheck size={12} /> : undefined}
            >
              {t(`plans.checklist.state.${state}`, { time: formatDuration(status.remainingMs) })}
            </Badge>
          )}
          <Tooltip label={time(item.dueAt)}>
            <Text size="xs" c="dimmed" fw={state === 'due_soon' ? 700 : undefined}>
              {t('plans.checklist.due', { at: time(item.dueAt).slice(5) })}
            </Text>
          </Tooltip>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text
              fw={counting ? 600 : 400}
              c={closed || state === 'out_of_level' ? 'dimmed' : undefined}
              td={state === 'out_of_level' ? 'line-through' : undefined}
            >
              {item.action}
            </Text>
            {item.required && (
              <Badge size="xs" variant="outline" color="red" style={{ flexShrink: 0, overflow: 'visible' }}>
                {t('plans.checklist.required')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {[item.responsible, item.contact, t('plans.checklist.fromLevel', { level: levelLabel(t, item.level) })]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {item.done && (
            <Text size="xs" c="dimmed" data-testid="item-done">
              {t('plans.checklist.doneBy', { by: actorName(item.done.by), at: time(item.done.at) })}
              {item.done.text ? ` · ${item.done.text}` : ''}
            </Text>
          )}
          {item.notApplicable && (
            <Text size="xs" c="dimmed">
              {t('plans.checklist.naBy', { by: actorName(item.notApplicable.by), reason: item.notApplicable.text })}
            </Text>
          )}
          {item.notes.map((n, i) => (
            <Text key={i} size="xs">
              {time(n.at)} {t('common.labelled', { label: actorName(n.by), value: n.text })}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td w={220}>
        {!props.frozen && (
          <Group gap={4} wrap="nowrap">
            {!closed && (
              <Button size="compact-sm" onClick={props.onTick} data-testid={`tick-${item.key}`}>
                {t('plans.checklist.tick')}
              </Button>
            )}
            {!closed && (
              <Button
                size="compact-sm"
                variant="default"
                onClick={props.onNotApplicable}
                data-testid={`na-${item.key}`}
              >
                {t('plans.checklist.na')}
              </Button>
            )}
            <Button size="compact-sm" variant="subtle" onClick={props.onNote} data-testid={`note-${item.key}`}>
              {t('plans.checklist.addNote')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
