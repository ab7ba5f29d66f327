import { Select, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportName, type IncidentListItem, type Report } from '@contract';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { localDateTime } from '@domain';

/** Incident, then one of its sent reports: a 专报 prints only what actually went up. */
export function SpecialOptions(props: { reportId: number | null; onChange: (id: number | null) => void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [incidents, setIncidents] = useState<IncidentListItem[]>([]);
  const [incidentId, setIncidentId] = useState<number | null>(null);
  const [reports, setReports] = useState<Report[]>([]);

  useEffect(() => {
    void call('incidents.list', { limit: 200 }).then((p) => setIncidents(p.items.filter((i) => i.status !== 'voided')));
  }, []);
  useEffect(() => {
    if (incidentId == null) return setReports([]);
    void call('incidents.get', { id: incidentId }).then((d) =>
      setReports(d.reports.filter((r) => r.status === 'sent')),
    );
  }, [incidentId]);

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
          label: `${reportName(r.kind, r.seq)} · ${r.sentAt ? localDateTime(r.sentAt, settings.timeZone) : ''}`,
        }))}
        value={props.reportId == null ? null : String(props.reportId)}
        onChange={(v) => props.onChange(v ? Number(v) : null)}
        data-testid="special-report"
      />
    </Stack>
  );
}
