import { Badge, Group, Paper, Text } from '@mantine/core';
import { IconCheck, IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Report } from '@contract';
import { useSettings } from '../../app/settings-context';
import { formatTime } from '../../components/time-format';

/**
 * One sent entry of the report chain. The phone report is the call that made it (pointing at the call
 * log entry); a written report names its channel, approver and sender, and any field a leader let go up
 * empty — now, or in an earlier report of the same incident (never asked twice).
 */
export function SentReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const phone = report.kind === 'phone';
  const fields = report.missingFields.map((f) => t(`incident.field.${f}`)).join('、');
  return (
    <Paper withBorder p="xs" c="dimmed" data-testid={`report-${report.id}`} data-kind={report.kind}>
      <Group gap="xs">
        {phone ? <IconPhoneCall size={16} /> : <IconCheck size={16} />}
        <Text fw={600}>{t(`report.name.${report.kind}`, { n: report.seq })}</Text>
        <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
          {t('report.sentAt', { at: formatTime(report.sentAt, settings.timeZone) })}
        </Badge>
        {phone ? (
          <Text size="sm">{t('report.phoneEntry', { recipient: report.recipientUnit, call: report.callId })}</Text>
        ) : (
          <Text size="sm">
            {t(`report.channel.${report.channel}`)} → {report.recipientUnit} ·{' '}
            {t('report.approvedBy', { leader: report.approvingLeader })} ·{' '}
            {t('report.sentBy', { sender: report.sender })}
          </Text>
        )}
      </Group>
      {report.overrideLeader && (
        <Text size="sm" c="orange.8">
          {t('report.overrideNote', { leader: report.overrideLeader, reason: report.overrideReason, fields })}
        </Text>
      )}
      {!report.overrideLeader && report.missingFields.length > 0 && (
        <Text size="sm" c="orange.8">
          {t('report.overrideCarried', { fields })}
        </Text>
      )}
      {report.changes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {report.changes}
        </Text>
      )}
    </Paper>
  );
}
