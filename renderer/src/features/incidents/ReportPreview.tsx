import { Alert, Button, Modal } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreview, ReportChannel } from '@contract';
import { call } from '../../api/client';
import { useApiErrors } from '../../hooks/useApiErrors';

const LAST_CHANNEL = 'duty-room.lastReportChannel';

/** The channel this workstation used last: reports mostly go up the same way. */
export function lastChannel(): ReportChannel | null {
  const v = localStorage.getItem(LAST_CHANNEL);
  return v === 'phone' || v === 'fax' || v === 'edoc' || v === 'sms' ? v : null;
}
export function rememberChannel(c: ReportChannel): void {
  localStorage.setItem(LAST_CHANNEL, c);
}

/** 预览: the draft as the 专报 it becomes with the send details as filled in, before it is marked sent. */
export function ReportPreviewButton(props: {
  reportId: number;
  sentAt: string | null;
  recipientUnit: string;
  approvingLeader: string;
  beforePreview(): Promise<void>;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();

  async function open() {
    setBusy(true);
    errors.clear();
    try {
      await props.beforePreview();
      setPreview(
        await call('reports.preview', {
          id: props.reportId,
          ...(props.sentAt ? { sentAt: props.sentAt } : {}),
          recipientUnit: props.recipientUnit,
          approvingLeader: props.approvingLeader,
        }),
      );
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconEye size={16} />}
        loading={busy}
        onClick={() => void open()}
        data-testid="report-preview-open"
      >
        {t('report.preview')}
      </Button>
      {errors.formError && <Alert color="red">{errors.formError}</Alert>}
      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.title} size="xl">
        {preview && (
          <iframe
            title={preview.title}
            srcDoc={preview.html}
            // The document is data: no scripts run in it.
            sandbox=""
            data-testid="report-draft-preview"
            style={{ width: '100%', height: '70vh', border: 0 }}
          />
        )}
      </Modal>
    </>
  );
}
