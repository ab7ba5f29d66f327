import { Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context';
import { useQuery } from '../../hooks/useQuery';
import { localDateTime } from '@domain';

/** Incident, then one of its sent reports: a 专报 prints only what actually went up. */
export function SpecialOptions(props: { reportId: number | null; onChange: (id: number | null) => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [incidentId, setIncidentId] = useState<number | null>(null);
  const incidents = (useQuery('incidents.list', { limit: 200 }).data?.items ?? []).filter((i) => i.status !== 'voided');
  const detail = useQuery('incidents.get', incidentId == null ? null : { id: incidentId }).data;
  const reports = detail && detail.incident.id === incidentId ? detail.reports.filter((r) => r.status === 'sent') : [];

  return (
    <Stack gap="sm">
      <Select
        label={t('reports.incident')}
        searchable
        data={incidents.map((i) => ({ value: String(i.id), label: `${i.number} ${i.title}` }))}
        value={incidentId == null ? null : String(incidentId)}
        onChange={(v) => {
          setIncidentId(v ? Number(v) : null);
          props.onChange(null);
        }}
        nothingFoundMessage={t('reports.none')}
        data-testid="special-incident"
      />
      <Select
        label={t('reports.report')}
        disabled={!reports.length}
        placeholder={incidentId != null && !reports.length ? t('reports.noSentReports') : undefined}
        data={reports.map((r) => ({
          value: String(r.id),
          label: `${t(`report.name.${r.kind}`, { n: r.seq })} · ${r.sentAt ? localDateTime(r.sentAt, settings.timeZone) : ''}`,
        }))}
        value={props.reportId == null ? null : String(props.reportId)}
        onChange={(v) => props.onChange(v ? Number(v) : null)}
        data-testid="special-report"
      />
    </Stack>
  );
}
