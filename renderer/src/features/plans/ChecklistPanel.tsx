import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  Timeline,
} from '@mantine/core';
import { toast } from '../../components/toast';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LEVELS, type Activation, type PlanLevel } from '@contract';
import { localDateTime, sortChecklist } from '@domain';
import { actorName } from '../../components/time-format';
import { ApiError } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { errorText } from '../../i18n';
import { ChecklistRow } from './ChecklistRow';
import { FieldsDialog } from './FieldsDialog';
import { levelLabel, localToIso } from './format';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useNow } from '../../hooks/useNow';
import { useQuery } from '../../hooks/useQuery';

type Dialog =
  { kind: 'change' } | { kind: 'terminate' } | { kind: 'na'; itemId: number } | { kind: 'note'; itemId: number } | null;

/** The checklist of one activation: live countdowns, ticks, N/A, notes, change level, terminate. */
export function ChecklistPanel({ activationId, onChanged }: { activationId: number; onChanged?(a: Activation): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const now = useNow();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [level, setLevel] = useState<PlanLevel>('III');
  const write = useMutationCall();
  // Every write below refreshes this query (useMutationCall invalidates all).
  const { data: activation, error, refetch } = useQuery('activations.get', { id: activationId });
  const apply = (a: Activation) => onChanged?.(a);

  /** Ticking is one click; a refusal (already done by someone else) is shown and the list refreshed. */
  async function tick(itemId: number) {
    try {
      apply(await write('checklist.tick', { itemId }));
    } catch (e) {
      const shape = e instanceof ApiError ? e.shape : ({ code: 'internal' } as const);
      toast({ color: 'red', title: t('errors.title'), message: errorText(shape) });
      await refetch();
    }
  }

  if (error)
    return <Alert color="red">{errorText(error instanceof ApiError ? error.shape : { code: 'internal' })}</Alert>;
  if (!activation) return <Text c="dimmed">{t('app.loading')}</Text>;

  const frozen = activation.status === 'terminated';
  const rows = sortChecklist(activation.items, now, activation);
  const time = (iso: string) => localDateTime(iso, settings.timeZone);
  const doneCount = activation.items.filter((i) => i.done || i.notApplicable).length;
  const overdue = rows.filter((r) => r.status.state === 'overdue').length;
  const orderFields = [
    { key: 'orderedBy', label: t('plans.checklist.orderedBy'), required: true },
    { key: 'at', label: t('plans.activate.at'), description: t('plans.activate.atHint') },
    { key: 'note', label: t('plans.checklist.note'), multiline: true },
  ];
  const order = (v: Record<string, string>) => ({
    id: activation.id,
    orderedBy: v.orderedBy ?? '',
    at: localToIso(v.at, settings.timeZone),
    note: v.note ?? '',
  });

  return (
    <Paper withBorder p="md" data-testid="checklist-panel" data-status={activation.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={3}>{activation.planName}</Title>
              {/* A terminated response is history: its level no longer an alarm in red. */}
              <Badge size="lg" color={frozen ? 'gray' : 'red'} variant="filled" data-testid="checklist-level">
                {levelLabel(t, activation.level)}
              </Badge>
              <Badge color={frozen ? 'gray' : 'green'} data-testid="checklist-status">
                {t(frozen ? 'plans.checklist.terminated' : 'plans.checklist.active')}
              </Badge>
            </Group>
            <Text size="sm">
              {t('plans.checklist.incident')} {activation.incidentNumber} {activation.incidentTitle} ·{' '}
              {t('plans.version', { version: activation.planVersion })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('plans.checklist.activatedBy', {
                at: time(activation.activatedAt),
                by: activation.orderedBy,
                recorder: actorName(activation.recordedBy),
              })}
            </Text>
            <Text size="sm" data-testid="checklist-counts">
              {t('plans.checklist.counts', { total: activation.items.length, done: doneCount, overdue })}
            </Text>
          </Stack>
          {!frozen && (
            <Group gap="xs">
              <Button
                variant="light"
                onClick={() => {
                  setLevel(activation.level);
                  setDialog({ kind: 'change' });
                }}
                data-testid="change-level"
              >
                {t('plans.checklist.change')}
              </Button>
              <Button
                color="red"
                variant="light"
                onClick={() => setDialog({ kind: 'terminate' })}
                data-testid="terminate"
              >
                {t('plans.checklist.terminate')}
              </Button>
            </Group>
          )}
        </Group>
        {frozen && activation.terminatedAt && (
          <Alert color="gray" data-testid="checklist-frozen">
            {t('plans.checklist.terminatedBy', {
              at: time(activation.terminatedAt),
              by: activation.terminatedOrderedBy ?? '',
            })}
          </Alert>
        )}
        <Table verticalSpacing="xs" data-testid="checklist-table">
          <Table.Tbody>
            {rows.map(({ item, status }) => (
              <ChecklistRow
                key={item.id}
                item={item}
                status={status}
                timeZone={settings.timeZone}
                frozen={frozen}
                onTick={() => void tick(item.id)}
                onNotApplicable={() => setDialog({ kind: 'na', itemId: item.id })}
                onNote={() => setDialog({ kind: 'note', itemId: item.id })}
              />
            ))}
          </Table.Tbody>
        </Table>
        <Title order={5}>{t('plans.checklist.events')}</Title>
        <Timeline bulletSize={14} lineWidth={2} data-testid="activation-events">
          {activation.events.map((e) => (
            <Timeline.Item
              key={e.id}
              title={t(`plans.checklist.event.${e.kind}`, {
                from: e.fromLevel ? levelLabel(t, e.fromLevel) : '',
                to: e.toLevel ? levelLabel(t, e.toLevel) : '',
              })}
            >
              <Text size="xs" c="dimmed">
                {time(e.at)} · {e.orderedBy}
                {e.note ? ` · ${e.note}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>

      <FieldsDialog
        opened={dialog?.kind === 'change'}
        title={t('plans.checklist.changeTitle')}
        fields={orderFields}
        submitLabel={t('plans.checklist.change')}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => apply(await write('activations.changeLevel', { ...order(v), level }))}
      >
        <Stack gap={4}>
          <Text size="sm" fw={500} id="change-level-label">
            {t('plans.responseLevel')}
          </Text>
          <SegmentedControl
            aria-labelledby="change-level-label"
            value={level}
            onChange={(v) => setLevel(v as PlanLevel)}
            data={PLAN_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))}
            data-testid="change-level-select"
          />
        </Stack>
      </FieldsDialog>
      <FieldsDialog
        opened={dialog?.kind === 'terminate'}
        title={t('plans.checklist.terminateTitle')}
        fields={orderFields}
        submitLabel={t('plans.checklist.terminate')}
        submitColor="red"
        onClose={() => setDialog(null)}
        onSubmit={async (v) => apply(await write('activations.terminate', order(v)))}
      />
      <FieldsDialog
        opened={dialog?.kind === 'na'}
        title={t('plans.checklist.naTitle')}
        fields={[{ key: 'reason', label: t('plans.checklist.naReason'), required: true }]}
        submitLabel={t('plans.checklist.na')}
        onClose={() => setDialog(null)}
        onSubmit={async (v) =>
          apply(await write('checklist.markNA', { itemId: itemOf(dialog), reason: v.reason ?? '' }))
        }
      />
      <FieldsDialog
        opened={dialog?.kind === 'note'}
        title={t('plans.checklist.noteTitle')}
        fields={[{ key: 'text', label: t('plans.checklist.noteText'), required: true, multiline: true }]}
        submitLabel={t('common.save')}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => apply(await write('checklist.note', { itemId: itemOf(dialog), text: v.text ?? '' }))}
      />
    </Paper>
  );
}

function itemOf(d: Dialog): number {
  return d && 'itemId' in d ? d.itemId : 0;
}
