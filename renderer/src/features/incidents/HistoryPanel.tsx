import { Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentVersion } from '@contract';
import { useSettings } from '../../app/settings-context';
import { actorName, formatTime } from '../../components/time-format';
import { fieldLabel } from './field-label';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** Every version with who, when, why and each field's before → after. */
export function HistoryPanel({ versions }: { versions: IncidentVersion[] }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <Stack gap="xs" data-testid="history">
      {[...versions].reverse().map((v) => (
        <Paper key={v.version} withBorder p="xs">
          <Text size="sm" fw={600}>
            v{v.version} · {t(`incident.versionKind.${v.kind}`)} · {formatTime(v.at, settings.timeZone)} ·{' '}
            {actorName(v.by)}
          </Text>
          {v.reason && <Text size="sm">{t('incident.reasonLabel', { reason: v.reason })}</Text>}
          {v.suggestedLevel && (
            <Text size="xs" c="dimmed">
              {t('incident.suggestedAtVersion', { level: t(`level.${v.suggestedLevel}`) })}
            </Text>
          )}
          {v.changes.length > 0 && (
            <Table withRowBorders={false} verticalSpacing={2} fz="sm">
              <Table.Tbody>
                {v.changes.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td w={160}>{fieldLabel(t, c.field)}</Table.Td>
                    <Table.Td c="dimmed" td="line-through">
                      {show(c.before)}
                    </Table.Td>
                    <Table.Td>{show(c.after)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
