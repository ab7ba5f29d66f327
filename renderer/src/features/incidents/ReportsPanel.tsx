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
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_CHANNELS, type IncidentDetail, type Report, type ReportKind } from '@contract';
import { ApiError } from '../../api/client';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useSettings } from '../../app/settings-context';
import { DateTimeField } from '../../components/DateTimeField';
import { formatTime } from '../../components/time-format';
import { useApiErrors } from '../../hooks/useApiErrors';

/** Which report may be drafted next (the core enforces the same order). */
function nextKinds(detail: IncidentDetail): ReportKind[] {
  const sent = detail.reports.filter((r) => r.status === 'sent');
  if (detail.incident.status === 'voided' || detail.reports.some((r) => r.status === 'draft')) return [];
  if (!sent.some((r) => r.kind === 'initial')) return ['initial'];
  const kinds: ReportKind[] = [];
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
          r.status === 'draft' ? <DraftEditor key={r.id} report={r} /> : <SentReport key={r.id} report={r} />,
        )}
    </Stack>
  );
}

function SentReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <Paper withBorder p="xs" c="dimmed" data-testid={`report-${report.id}`}>
      <Group gap="xs">
        <IconCheck size={16} />
        <Text fw={600}>{t(`report.name.${report.kind}`, { n: report.seq })}</Text>
        <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
          {t('report.sentAt', { at: formatTime(report.sentAt, settings.timeZone) })}
        </Badge>
        <Text size="sm">
          {t(`report.channel.${report.channel}`)} → {report.recipientUnit} ·{' '}
          {t('report.approvedBy', { leader: report.approvingLeader })} · {t('report.sentBy', { sender: report.sender })}
        </Text>
      </Group>
      {report.overrideLeader && (
        <Text size="sm" c="orange.8">
          {t('report.overrideNote', {
            leader: report.overrideLeader,
            reason: report.overrideReason,
            fields: report.missingFields.map((f) => t(`incident.field.${f}`)).join('、'),
          })}
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

function DraftEditor({ report }: { report: Report }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const errors = useApiErrors();
  const [draft, setDraft] = useState({
    recipientUnit: report.recipientUnit,
    changes: report.changes,
    aftermath: report.aftermath,
    otherNotes: report.otherNotes,
  });
  const [send, setSend] = useState({
    sentAt: new Date().toISOString() as string | null,
    channel: 'phone' as Report['channel'],
    approvingLeader: '',
    sender: '',
  });
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
        channel: send.channel ?? 'phone',
        recipientUnit: draft.recipientUnit,
        approvingLeader: send.approvingLeader,
        sender: send.sender,
        ...(override ? { override } : {}),
      });
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
            value={send.approvingLeader}
            onChange={(e) => setSend({ ...send, approvingLeader: e.currentTarget.value })}
            error={fe.approvingLeader}
            data-testid="report-leader"
          />
          <TextInput
            label={t('report.sender')}
            required
            value={send.sender}
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
          <Button onClick={() => void doSend()} data-testid="report-send">
            {t('report.markSent')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
