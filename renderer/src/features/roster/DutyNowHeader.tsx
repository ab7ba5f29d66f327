import { Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonBrief } from '@contract';
import { useSettings } from '../../app/settings-context';
import { useQuery } from '../../hooks/useQuery';
import { formatInstant } from './format';

function names(people: PersonBrief[]) {
  return people.map((p) => p.name).join('、') || '—';
}

/** 带班领导 with phone, 主班 and 副班 of the shift in progress; re-read every 20 s so the handover minute shows. */
export function DutyNowHeader() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  // Roster writes refresh it like any query; the interval is for the clock crossing a handover.
  const duty = useQuery('duty.now', {}, { refetchIntervalMs: 20_000 }).data;

  if (!duty) return null;
  const empty = !duty.leader.length && !duty.lead.length && !duty.second.length;
  const leader = duty.leader[0];
  const until = t('duty.until', { time: formatInstant(duty.endsAt, settings.timeZone, i18n.language) });
  const line = `${t('role.leader')} ${leader ? `${leader.name} ${leader.phones[0] ?? ''}` : '—'} · ${t('role.lead')} ${names(duty.lead)} · ${t('role.second')} ${names(duty.second)}`;
  return (
    <Tooltip label={`${line} (${until})`}>
      <Group gap={6} wrap="nowrap" data-testid="duty-now" style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('duty.now')}
        </Text>
        {empty ? (
          <Text size="sm" c="red.7" fw={600}>
            {t('duty.none')}
          </Text>
        ) : (
          <Text size="sm" fw={600} truncate="end" data-testid="duty-now-names">
            {line}
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}
