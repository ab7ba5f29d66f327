import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail, ReportKind } from '@contract';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useApiErrors } from '../../hooks/useApiErrors';
import { DraftEditor } from './DraftEditor';
import { PhoneReportButton } from './PhoneReportButton';
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
