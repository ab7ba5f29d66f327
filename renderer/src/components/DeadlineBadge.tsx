import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Deadline } from '@contract';
import { deadlineStatus } from '@domain';
import { useSettings } from '../app/settings-context';
import { lookOf } from './state-look';
import { formatDuration, formatTime } from './time-format';

/** A deadline's live state in colour and in words (never colour alone). */
export function DeadlineBadge({ deadline, now }: { deadline: Deadline; now: Date }) {
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
  return (
    <Tooltip label={t('deadline.dueAt', { at: formatTime(deadline.dueAt, settings.timeZone) })}>
      <Badge
        color={look.color}
        variant={look.variant}
        c={look.c}
        fw={look.bold ? 700 : 500}
        leftSection={<Icon size={12} />}
        data-state={state}
        data-testid={`deadline-${deadline.kind}`}
        style={{ textTransform: 'none' }}
      >
        {kind} · {text}
      </Badge>
    </Tooltip>
  );
}
