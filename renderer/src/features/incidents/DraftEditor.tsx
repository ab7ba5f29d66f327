import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_CHANNELS, type Report } from '@contract';
import { ApiError } from '../../api/client';
import { DateTimeField } from '../../components/DateTimeField';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { ReportPreviewButton, lastChannel, rememberChannel } from './ReportPreview';

/**
 * A written report's draft and its send details, checked by `reports.send`'s own schema before anything
 * goes up; the draft text is saved through `reports.update` first, whose issues land on the same fields.
 */
export function DraftEditor({ report, previous }: { report: Report; previous: Report | undefined }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  // Prefilled as a duty room sends: approved by the leader on duty, sent by the operator, the usual channel.
  const duty = useQuery('duty.now', {});
  const operator = useQuery('operator.current', {});
  // The leader's override is asked for only once the core has said required facts are missing.
  const [needsOverride, setNeedsOverride] = useState(false);
  // The clock is read once, when the editor opens (a lazy initial state).
  const [initialValues] = useState(() => ({
    recipientUnit: report.recipientUnit,
    changes: report.changes,
    aftermath: report.aftermath,
    otherNotes: report.otherNotes,
    sentAt: new Date().toISOString() as string | null,
    // A written report goes by e-document unless this desk or this incident used another channel last
    // (the phone report is a call: 电话报告 in the call log).
    channel: lastChannel() ?? previous?.channel ?? 'edoc',
    // null until the officer types: then the leader on duty and the operator stand in.
    approvingLeader: null as string | null,
    sender: null as string | null,
    override: { leader: '', reason: '' },
  }));
  const approvingLeaderOf = (v: typeof initialValues) => v.approvingLeader ?? duty.data?.leader[0]?.name ?? '';
  const senderOf = (v: typeof initialValues) => v.sender ?? operator.data?.session?.name ?? '';
  const { form, submit, formError, showError } = useContractForm({
    method: 'reports.send',
    initialValues,
    toInput: (v) => ({
      id: report.id,
      sentAt: v.sentAt ?? '',
      channel: v.channel,
      recipientUnit: v.recipientUnit,
      approvingLeader: approvingLeaderOf(v),
      sender: senderOf(v),
      ...(needsOverride ? { override: v.override } : {}),
    }),
  });
  const v = form.values;
  const saveDraft = () =>
    write('reports.update', {
      id: report.id,
      recipientUnit: form.values.recipientUnit,
      changes: form.values.changes,
      aftermath: form.values.aftermath,
      otherNotes: form.values.otherNotes,
    }).then(() => undefined);
  const onSaveDraft = () => void saveDraft().catch((e: unknown) => form.setErrors(showError(e)));
  const send = submit(async (input) => {
    await saveDraft();
    try {
      await write('reports.send', input);
    } catch (e) {
      if (e instanceof ApiError && e.shape.code === 'report.missing_fields') setNeedsOverride(true);
      throw e;
    }
    rememberChannel(input.channel);
  });

  return (
    <Paper withBorder p="sm" component="form" noValidate onSubmit={send} data-testid={`report-draft-${report.kind}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>{t(`report.name.${report.kind}`, { n: report.seq })}</Text>
          <Badge color="blue" variant="light">
            {t('report.draft')}
          </Badge>
        </Group>
        {formError && <Alert color="red">{formError}</Alert>}
        {(report.kind === 'followup' || report.kind === 'supplementary') && (
          <Textarea
            label={t('report.changes')}
            description={t('report.changesHint')}
            autosize
            minRows={2}
            {...form.getInputProps('changes')}
          />
        )}
        {report.kind === 'final' && (
          <Textarea label={t('report.aftermath')} autosize minRows={2} {...form.getInputProps('aftermath')} />
        )}
        <Textarea label={t('report.otherNotes')} autosize minRows={1} {...form.getInputProps('otherNotes')} />
        <SimpleGrid cols={3}>
          <DateTimeField
            label={t('report.sentAtLabel')}
            required
            value={v.sentAt}
            onChange={(x) => form.setFieldValue('sentAt', x)}
            error={form.errors.sentAt as string | undefined}
            testId="report-sentAt"
          />
          <Select
            label={t('report.channelLabel')}
            required
            data={REPORT_CHANNELS.map((c) => ({ value: c, label: t(`report.channel.${c}`) }))}
            {...form.getInputProps('channel')}
            allowDeselect={false}
            data-testid="report-channel"
          />
          <TextInput
            label={t('report.recipientUnit')}
            required
            {...form.getInputProps('recipientUnit')}
            data-testid="report-recipient"
          />
          <TextInput
            label={t('report.approvingLeader')}
            required
            {...form.getInputProps('approvingLeader')}
            value={approvingLeaderOf(v)}
            data-testid="report-leader"
          />
          <TextInput
            label={t('report.sender')}
            required
            {...form.getInputProps('sender')}
            value={senderOf(v)}
            data-testid="report-sender"
          />
        </SimpleGrid>
        {needsOverride && (
          <Paper withBorder p="xs" bg="var(--mantine-color-orange-light)" data-testid="report-override">
            <Text size="sm" fw={600}>
              {t('report.overrideTitle')}
            </Text>
            <SimpleGrid cols={2}>
              <TextInput
                label={t('report.overrideLeader')}
                required
                {...form.getInputProps('override.leader')}
                data-testid="report-override-leader"
              />
              <TextInput
                label={t('report.overrideReason')}
                required
                {...form.getInputProps('override.reason')}
                data-testid="report-override-reason"
              />
            </SimpleGrid>
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onSaveDraft}>
            {t('report.saveDraft')}
          </Button>
          <ReportPreviewButton
            reportId={report.id}
            sentAt={v.sentAt}
            recipientUnit={v.recipientUnit}
            approvingLeader={approvingLeaderOf(v)}
            beforePreview={saveDraft}
          />
          <Button type="submit" loading={form.submitting} data-testid="report-send">
            {t('report.markSent')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
