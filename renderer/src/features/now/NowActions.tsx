import { Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconHourglass } from '@tabler/icons-react';
import { useFirstShown } from '../../hooks/useFirstShown';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { nowActions, type NowAction } from '@domain';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { STATE_LOOK } from '../../components/state-look';
import { formatDuration } from '../../components/time-format';
import { useNow } from '../../hooks/useNow';
import { useQuery } from '../../hooks/useQuery';
import { LevelBadge } from '../incidents/LevelBadge';

/**
 * The countdown's words: time left, time over, or for a 批示 the time waited ("刚刚" in its first minute,
 * not "已等 0秒" the moment it is relayed).
 */
export function countdownText(a: Pick<NowAction, 'urgency' | 'remainingMs'>, t: TFunction): string {
  if (a.urgency === 'waiting' && -a.remainingMs < 60_000) return t('now.action.justNow');
  const d = formatDuration(a.remainingMs);
  if (a.urgency === 'waiting') return t('now.action.waiting', { d });
  return a.urgency === 'overdue' ? t('deadline.overdue', { d }) : t('deadline.remaining', { d });
}

/** A countdown (or, for a 批示, time waited) big enough to read across the room, in colour and in words. */
function Countdown({ a }: { a: NowAction }) {
  const { t } = useTranslation();
  const look = STATE_LOOK[a.urgency === 'waiting' ? 'due_soon' : a.urgency];
  const text = countdownText(a, t);
  const Icon = a.urgency === 'overdue' ? IconAlertTriangle : a.urgency === 'waiting' ? IconHourglass : IconClock;
  return (
    <Badge
      size="xl"
      color={look.color}
      variant={look.variant}
      c={look.c}
      fw={look.bold ? 700 : 500}
      leftSection={<Icon size={18} />}
      style={{ textTransform: 'none', flexShrink: 0 }}
      data-state={a.urgency}
    >
      {text}
    </Badge>
  );
}

function What({ a }: { a: NowAction }) {
  const { t } = useTranslation();
  const line = (kind: string, main: string, sub?: string) => (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="sm" c="dimmed">
        {kind}
      </Text>
      <Text fw={600} size="lg" truncate>
        {main}
      </Text>
      {sub && (
        <Text size="sm" truncate>
          {sub}
        </Text>
      )}
    </Stack>
  );
  switch (a.kind) {
    case 'deadline':
      return (
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <LevelBadge level={a.deadline.level} />
          {line(t('now.action.deadline'), `${a.deadline.incidentNumber} ${a.deadline.incidentTitle}`)}
        </Group>
      );
    case 'checklist':
      return line(
        t('now.action.checklist', { plan: a.response.planName }),
        a.action,
        `${a.response.incidentNumber} ${a.response.incidentTitle}`,
      );
    case 'instruction': {
      const i = a.instruction;
      return line(
        i.state === 'to_relay'
          ? t('now.action.toRelay', { leader: i.leader })
          : t('now.action.awaitingFeedback', { leader: i.leader, to: i.relayedTo ?? '' }),
        i.text,
        i.incidentNumber ? `${i.incidentNumber} ${i.incidentTitle ?? ''}` : undefined,
      );
    }
    case 'handover':
      return line(
        t(a.previous ? 'now.action.handoverOwed' : 'now.action.handover'),
        t(`now.action.handoverStatus.${a.handover.status ?? 'none'}`),
      );
  }
}

/**
 * 待办: every deadline, checklist item, 批示 and handover the room owes, in one list, overdue first. Each
 * source is a cheap bounded read (maintained tables or indexed ranges); the merging is the domain's.
 */
/** The most urgent actions drawn at first; the rest on request (a room may owe two hundred reports at once). */
const FIRST_SHOWN = 12;

export function NowActions(props: { openIncident(id: number): void; openHandover(): void }) {
  const { t } = useTranslation();
  const now = useNow();
  const summary = useQuery('deadlines.summary', {});
  const responses = useQuery('activations.active', {});
  const instructions = useQuery('instructions.pending', {});
  // Refetched each minute: the handover joins the list in the shift's last hour without a write.
  const handover = useQuery('handover.due', {}, { refetchIntervalMs: 60_000 });
  const list = nowActions(
    {
      deadlines: summary.data?.deadlines ?? [],
      responses: responses.data ?? [],
      instructions: instructions.data ?? [],
      handover: handover.data,
    },
    now,
  );
  const { shown, hidden, showAll } = useFirstShown(list, FIRST_SHOWN);
  const open = (a: NowAction) => {
    if (a.kind === 'handover') return props.openHandover();
    const id =
      a.kind === 'deadline'
        ? a.deadline.incidentId
        : a.kind === 'checklist'
          ? a.response.incidentId
          : a.instruction.incidentId;
    if (id) props.openIncident(id);
  };
  return (
    <Stack gap={6}>
      <Title order={3}>{t('now.actionsTitle', { count: list.length })}</Title>
      {summary.data && list.length === 0 && <Text c="dimmed">{t('now.nothingDue')}</Text>}
      <Stack gap={6} data-testid="now-actions">
        {shown.map((a) => (
          <UnstyledButton key={a.key} onClick={() => open(a)} data-testid={`now-action-${a.kind}`}>
            <Paper withBorder p="xs" data-state={a.urgency}>
              <Group justify="space-between" wrap="nowrap">
                <What a={a} />
                {a.kind === 'deadline' ? (
                  <DeadlineBadge deadline={a.deadline} now={now} size="xl" />
                ) : (
                  <Countdown a={a} />
                )}
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </Stack>
      {hidden > 0 && (
        <Button variant="subtle" onClick={showAll} data-testid="now-actions-all">
          {t('now.showAllActions', { count: list.length })}
        </Button>
      )}
    </Stack>
  );
}
