import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PreviewInput } from '@contract';
import { localDate } from '@domain';
import { useSettings } from '../../app/settings-context';
import { useMutationCall } from '../../hooks/useMutationCall';
import { DailyOptions, type DailyState } from './DailyOptions';
import { DocumentPreview } from './DocumentPreview';
import { IssuedRegister } from './IssuedRegister';
import { LogOptions } from './LogOptions';
import { RosterOptions } from './RosterOptions';
import { SpecialOptions } from './SpecialOptions';
import { useExport } from './useExport';
import { usePreview } from './usePreview';

type Kind = 'daily' | 'special' | 'log' | 'roster' | 'issued';

/** 报表: options on the left, the document as it will print on the right, export buttons under it. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const today = localDate(new Date(), settings.timeZone);
  const [kind, setKind] = useState<Kind>('daily');
  const [daily, setDaily] = useState<DailyState>({
    mode: 'shift',
    date: today,
    distribution: settings.distribution,
    includeSensitive: [],
  });
  const [reportId, setReportId] = useState<number | null>(null);

  const dailyPeriod = {
    ...(daily.mode === 'shift' ? { date: daily.date } : { day: daily.date }),
    distribution: daily.distribution,
    includeSensitive: daily.includeSensitive,
  };
  const input: PreviewInput | null =
    kind === 'daily' && daily.date
      ? { kind: 'daily', period: dailyPeriod }
      : kind === 'special' && reportId != null
        ? { kind: 'special', reportId }
        : null;
  const { preview, loading, error } = usePreview(input);
  // An export takes the next issue number: a write, after which the preview is read again.
  const write = useMutationCall();
  const exporter = useExport();

  function onDraft() {
    const produce = () =>
      kind === 'daily'
        ? write('exports.dailyReport', { period: dailyPeriod, format: 'docx', preview: true })
        : write('exports.specialReport', { reportId: reportId!, format: 'docx', preview: true });
    void exporter.run('draft', produce);
  }

  function onExport(format: 'docx' | 'pdf', print: () => void) {
    const produce = () =>
      kind === 'daily'
        ? write('exports.dailyReport', { period: dailyPeriod, format })
        : write('exports.specialReport', { reportId: reportId!, format });
    // Where the host cannot print to PDF, the browser's print dialog ("Save as PDF") prints the same HTML.
    void exporter.run(format, produce, print);
  }

  return (
    <Stack gap="md" data-testid="reports-page">
      <Group justify="space-between">
        <Title order={3}>{t('nav.reports')}</Title>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={(['daily', 'special', 'log', 'roster', 'issued'] as const).map((k) => ({
            value: k,
            label: t(`reports.kind.${k}`),
          }))}
          data-testid="report-kind"
        />
      </Group>
      {kind === 'issued' ? (
        <IssuedRegister />
      ) : kind === 'log' ? (
        <LogOptions today={today} />
      ) : kind === 'roster' ? (
        <RosterOptions today={today} />
      ) : (
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <Stack w={320} style={{ flexShrink: 0 }}>
            {kind === 'daily' ? (
              <DailyOptions
                value={daily}
                onChange={setDaily}
                issue={preview?.issue ?? null}
                issued={!!preview?.issued}
                sensitive={preview?.sensitive ?? []}
              />
            ) : (
              <SpecialOptions reportId={reportId} onChange={setReportId} />
            )}
          </Stack>
          <DocumentPreview
            preview={preview}
            loading={loading}
            error={error}
            busy={exporter.busy}
            onExport={onExport}
            onDraft={onDraft}
          />
        </Group>
      )}
    </Stack>
  );
}
