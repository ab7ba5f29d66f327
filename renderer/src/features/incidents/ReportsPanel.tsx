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
import { REPORT_CHANNELS, type IncidentDetail, type Report, type ReportKind } from '@contract';
import { ApiError } from '../../api/client';
import { useMutationCall } from '../../hooks/useMutationCall';
import { DateTimeField } from '../../components/DateTimeField';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useQuery } from '../../hooks/useQuery';
import { PhoneReportButton } from './PhoneReportButton';
import { ReportPreviewButton, lastChannel, rememberChannel } from './ReportPreview';
import { SentReport } from './SentReport';

type WrittenKind = Exclude<ReportKind, 'phone'>;

/** Which written report may be drafted next (the core enforces the same order). */
function nextKinds(detail: IncidentDetail): WrittenKind[] {
  const sent = detail.reports.filter((r) => r.status === 'sent');
  if (detail.incident.status === 'voided' || detail.reports.some((r) => r.status === 'draft')) return [];
  if (!sent.some((r) => r.kind === 'initial')) return ['initial'];
  const kinds: WrittenKind[] = [];
  if (!sent.some((r) => r.kind === 'final')) kinds.push('followup', 'final');
  if (detail.incident.supplementaryDueFrom) kinds.push('supplementary');
  return kinds;
}

export function ReportsPanel({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const errors = useApiErrors();
  return (
    <Stack gap="sm" data-testid="reports-panel">
      <Group gap="xs">
        <PhoneReportButton detail={detail} />
        {nextKinds(detail).map((kind) => (
          <Button
            key={kind}
            size="xs"
            variant="light"
            data-testid={`draft-${kind}`}
            onClick={() => write('reports.draft', { incidentId: detail.incident.id, kind }).catch(errors.show)}
          >
            {t(`report.draftNew.${kind}`)}
          </Button>
        ))}
      </Group>
      {detail.reports.length === 0 && <Text c="dimmed">{t('report.none')}</Text>}
      {[...detail.reports]
        .reverse()
        .map((r) =>
          r.status === 'draft' ? (
            <DraftEditor
              key={r.id}
              report={r}
              previous={detail.reports.filter((x) => x.status === 'sent' && x.kind !== 'phone').at(-1)}
            />
          ) : (
            <SentReport key={r.id} report={r} />
          ),
        )}
    </Stack>
  );
}

function DraftEditor({ report, previous }: { report: Report; previous: Report | undefined }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const errors = useApiErrors();
  // Prefilled as a duty room sends: approved by the leader on duty, sent by the operator, the usual channel.
  const duty = useQuery('duty.now', {});
  const operator = useQuery('operator.current', {});
  const [draft, setDraft] = useState({
    recipientUnit: report.recipientUnit,
    changes: report.changes,
    aftermath: report.aftermath,
    otherNotes: report.otherNotes,
  });
  const [send, setSend] = useState({
    sentAt: new Date().toISOString() as string | null,
    // A written report goes by e-document unless this desk or this incident used another channel last
    // (the phone report is a call: 电话报告 in the call log).
    channel: (lastChannel() ?? previous?.channel ?? 'edoc') as Report['channel'],
    // null until the officer types: then the leader on duty and the operator stand in.
    approvingLeader: null as string | null,
    sender: null as string | null,
  });
  const approvingLeader = send.approvingLeader ?? duty.data?.leader[0]?.name ?? '';
  const sender = send.sender ?? operator.data?.session?.name ?? '';
  const [override, setOverride] = useState<{ leader: string; reason: string } | null>(null);
  const [needsOverride, setNeedsOverride] = useState(false);
  const fe = errors.fieldErrors;

  async function save() {
    await write('reports.update', { id: report.id, ...draft });
  }

  async function doSend() {
    errors.clear();
    try {
      await write('reports.update', { id: report.id, ...draft });
      await write('reports.send', {
        id: report.id,
        sentAt: send.sentAt ?? '',
        channel: send.channel ?? 'edoc',
        recipientUnit: draft.recipientUnit,
        approvingLeader,
        sender,
        ...(override ? { override } : {}),
      });
      if (send.channel) rememberChannel(send.channel);
    } catch (e) {
      if (e instanceof ApiError && e.shape.code === 'report.missing_fields') setNeedsOverride(true);
      errors.show(e);
    }
  }

  return (
    <Paper withBorder p="sm" data-testid={`report-draft-${report.kind}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>{t(`report.name.${report.kind}`, { n: report.seq })}</Text>
          <Badge color="blue" variant="light">
            {t('report.draft')}
          </Badge>
        </Group>
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
        {(report.kind === 'followup' || report.kind === 'supplementary') && (
          <Textarea
            label={t('report.changes')}
            description={t('report.changesHint')}
            autosize
            minRows={2}
            value={draft.changes}
            onChange={(e) => setDraft({ ...draft, changes: e.currentTarget.value })}
          />
        )}
        {report.kind === 'final' && (
          <Textarea
            label={t('report.aftermath')}
            autosize
            minRows={2}
            value={draft.aftermath}
            onChange={(e) => setDraft({ ...draft, aftermath: e.currentTarget.value })}
          />
        )}
        <Textarea
          label={t('report.otherNotes')}
          autosize
          minRows={1}
          value={draft.otherNotes}
          onChange={(e) => setDraft({ ...draft, otherNotes: e.currentTarget.value })}
        />
        <SimpleGrid cols={3}>
          <DateTimeField
            label={t('report.sentAtLabel')}
            required
            value={send.sentAt}
            onChange={(v) => setSend({ ...send, sentAt: v })}
            error={fe.sentAt}
            testId="report-sentAt"
          />
          <Select
            label={t('report.channelLabel')}
            required
            data={REPORT_CHANNELS.map((c) => ({ value: c, label: t(`report.channel.${c}`) }))}
            value={send.channel}
            onChange={(v) => v && setSend({ ...send, channel: v as Report['channel'] })}
            allowDeselect={false}
            data-testid="report-channel"
          />
          <TextInput
            label={t('report.recipientUnit')}
            required
            value={draft.recipientUnit}
            onChange={(e) => setDraft({ ...draft, recipientUnit: e.currentTarget.value })}
            error={fe.recipientUnit}
            data-testid="report-recipient"
          />
          <TextInput
            label={t('report.approvingLeader')}
            required
            value={approvingLeader}
            onChange={(e) => setSend({ ...send, approvingLeader: e.currentTarget.value })}
            error={fe.approvingLeader}
            data-testid="report-leader"
          />
          <TextInput
            label={t('report.sender')}
            required
            value={sender}
            onChange={(e) => setSend({ ...send, sender: e.currentTarget.value })}
            error={fe.sender}
            data-testid="report-sender"
          />
        </SimpleGrid>
        {needsOverride && (
          <Paper withBorder p="xs" bg="var(--mantine-color-orange-light)">
            <Text size="sm" fw={600}>
              {t('report.overrideTitle')}
            </Text>
            <SimpleGrid cols={2}>
              <TextInput
                label={t('report.overrideLeader')}
                value={override?.leader ?? ''}
                onChange={(e) => setOverride({ leader: e.currentTarget.value, reason: override?.reason ?? '' })}
              />
              <TextInput
                label={t('report.overrideReason')}
                value={override?.reason ?? ''}
                onChange={(e) => setOverride({ reason: e.currentTarget.value, leader: override?.leader ?? '' })}
              />
            </SimpleGrid>
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void save().catch(errors.show)}>
            {t('report.saveDraft')}
          </Button>
          <ReportPreviewButton
            reportId={report.id}
            sentAt={send.sentAt}
            recipientUnit={draft.recipientUnit}
            approvingLeader={approvingLeader}
            beforePreview={save}
          />
          <Button onClick={() => void doSend()} data-testid="report-send">
            {t('report.markSent')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
