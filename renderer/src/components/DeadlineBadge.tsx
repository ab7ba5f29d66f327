import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Deadline } from '@contract';
import { deadlineStatus } from '@domain';
import { useSettings } from '../app/settings-context';
import { lookOf } from './state-look';
import { formatDuration, formatTime } from './time-format';

/** A deadline's live state in colour and in words (never colour alone). */
export function DeadlineBadge({
  deadline,
  now,
  size = 'md',
}: {
  deadline: Deadline;
  now: Date;
  /** 'xl' on the Now desk: countdowns read across the room. */
  size?: 'md' | 'xl';
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { state, remainingMs } = deadlineStatus(deadline, now);
  const kind = t(`deadline.kind.${deadline.kind}`);
  const text =
    state === 'overdue'
      ? t('deadline.overdue', { d: formatDuration(remainingMs) })
      : state === 'done' || state === 'done_late'
        ? t(state === 'done' ? 'deadline.done' : 'deadline.doneLate', {
            at: formatTime(deadline.doneAt, settings.timeZone).slice(11),
          })
        : t('deadline.remaining', { d: formatDuration(remainingMs) });
  const look = lookOf(state);
  const Icon = state === 'overdue' ? IconAlertTriangle : state.startsWith('done') ? IconCheck : IconClock;
  // A grade raise that would have put the due time in the past makes it due from the raise ("due now").
  const raised = deadline.dueFromChange && !state.startsWith('done');
  const tip = raised
    ? t('deadline.dueFromRaise', { at: formatTime(deadline.dueFromChange, settings.timeZone) })
    : t('deadline.dueAt', { at: formatTime(deadline.dueAt, settings.timeZone) });
  return (
    <Tooltip label={tip}>
      <Badge
        color={look.color}
        variant={look.variant}
        c={look.c}
        fw={look.bold ? 700 : 500}
        size={size}
        leftSection={<Icon size={size === 'xl' ? 18 : 12} />}
        data-state={state}
        data-raised={raised ? 'true' : undefined}
        data-testid={`deadline-${deadline.kind}`}
        style={{ textTransform: 'none' }}
      >
        {kind} · {raised ? `${t('deadline.dueNow')} · ` : ''}
        {text}
      </Badge>
    </Tooltip>
  );
}
