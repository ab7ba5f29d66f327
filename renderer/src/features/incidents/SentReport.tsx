import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { IconCheck, IconFileTypeDocx, IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Report } from '@contract';
import { useSettings } from '../../app/settings-context';
import { formatTime } from '../../components/time-format';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useExport } from '../documents/useExport';

/**
 * One sent entry of the report chain. The phone report is the call that made it (pointing at the call
 * log entry); a written report names its channel, approver and sender, and any field a leader let go up
 * empty — now, or in an earlier report of the same incident (never asked twice), and its 专报 in one click.
 */
export function SentReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const phone = report.kind === 'phone';
  // The first export issues the 专报 (number, stored file, audit): a write, so the register is read again.
  const write = useMutationCall();
  const exporter = useExport();
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
        {!phone && (
          // The 专报 of this report in one click, where the officer just sent it.
          <Button
            size="compact-xs"
            variant="subtle"
            ml="auto"
            leftSection={<IconFileTypeDocx size={14} />}
            loading={exporter.busy === 'docx'}
            onClick={() =>
              void exporter.run('docx', () => write('exports.specialReport', { reportId: report.id, format: 'docx' }))
            }
            data-testid={`report-docx-${report.id}`}
          >
            {t('report.docx')}
          </Button>
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
