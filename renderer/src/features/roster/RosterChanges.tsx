import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RosterMonth } from '@contract';
import { useSettings } from '../../app/settings-context';
import { formatInstant } from './format';
import { actorName } from '../../components/time-format';

/** Conflicts first, then who changed what, newest first: the roster is never changed silently. */
export function RosterChanges({ data }: { data: RosterMonth }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  return (
    <Stack style={{ flex: 2, minWidth: 280 }} gap="md">
      {data.conflicts.length > 0 && (
        <Paper withBorder p="sm" data-testid="roster-conflicts">
          <Title order={5} c="red.7">
            {t('roster.conflicts', { count: data.conflicts.length })}
          </Title>
          <Stack gap={2} mt="xs" mah={220} style={{ overflowY: 'auto' }}>
            {data.conflicts.map((c, i) => (
              <Text key={i} size="sm" c="red.7">
                {t(`roster.conflict.${c.kind}`, {
                  date: c.date.slice(5),
                  name: c.personName,
                  role: t(`role.${c.role}`),
                })}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="sm" data-testid="roster-changes">
        <Title order={5}>{t('roster.changes')}</Title>
        <Stack gap="xs" mt="xs">
          {data.changes.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('roster.noChanges')}
            </Text>
          )}
          {data.changes.map((c) => (
            <div key={c.id}>
              <Text size="sm">
                {t(`roster.changeLine.${c.kind}`, {
                  by: actorName(c.by),
                  date: c.date?.slice(5) ?? '',
                  otherDate: c.summary.otherDate?.slice(5) ?? '',
                  role: c.summary.role ? t(`role.${c.summary.role}`) : '',
                  from: c.summary.from ?? t('roster.nobody'),
                  to: c.summary.to ?? t('roster.nobody'),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {c.reason || c.approver
                  ? t('roster.changeMeta', {
                      reason: c.reason || '—',
                      approver: c.approver || '—',
                      at: formatInstant(c.at, settings.timeZone, i18n.language),
                    })
                  : formatInstant(c.at, settings.timeZone, i18n.language)}
              </Text>
            </div>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
