import { Button, Modal } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '@contract';
import { useSettings } from '../../app/settings-context';
import { CallForm } from './CallForm';

/**
 * "电话报告": opens the call log as an outgoing call to the incident's reporting recipient, marked as the
 * phone report — the report and the call are one act. Absent once the phone report is made.
 */
export function PhoneReportButton({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [open, setOpen] = useState(false);
  if (detail.incident.status === 'voided' || detail.reports.some((r) => r.kind === 'phone')) return null;
  const written = detail.reports.filter((r) => r.kind !== 'phone' && r.recipientUnit);
  const recipient = written[written.length - 1]?.recipientUnit || settings.reportRecipient;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="grape"
        leftSection={<IconPhoneCall size={14} />}
        onClick={() => setOpen(true)}
        data-testid="report-by-phone"
      >
        {t('report.byPhone')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('report.byPhoneTitle')}
        size="lg"
        closeOnEscape={false}
      >
        <CallForm
          incidentId={detail.incident.id}
          phoneReportTo={recipient}
          onDone={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      </Modal>
    </>
  );
}
