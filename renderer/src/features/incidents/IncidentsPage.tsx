import { Button, Group, Modal, Paper, Select, TextInput, Text } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, INCIDENT_STATUSES, LEVELS, type IncidentListQuery } from '@contract';
import { fromLocalDateTime } from '@domain';
import { useSettings } from '../../app/settings-context';
import { IncidentDetail } from './IncidentDetail';
import { IncidentForm } from './IncidentForm';
import { IncidentList } from './IncidentList';

type Filter = Omit<IncidentListQuery, 'cursor' | 'limit'>;

/** 值班日志: the list on the left, the selected incident on the right. */
export function IncidentsPage({
  selectedId,
  onSelect,
  creating,
  setCreating,
}: {
  selectedId: number | null;
  onSelect(id: number): void;
  creating: boolean;
  setCreating(v: boolean): void;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [filter, setFilter] = useState<Filter>({});
  const [q, setQ] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  const day = (text: string, end: boolean) => {
    if (!text) return undefined;
    const iso = fromLocalDateTime(`${text} 00:00`, settings.timeZone);
    return iso && end ? new Date(Date.parse(iso) + 86_400_000).toISOString() : (iso ?? undefined);
  };

  return (
    <div style={{ display: 'flex', gap: 12, height: 'calc(100vh - 90px)' }}>
      <div
        style={{
          width: '40%',
          maxWidth: 560,
          minWidth: 380,
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          gap: 8,
        }}
      >
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-incident">
            {t('incident.new')}
          </Button>
          <TextInput
            style={{ flex: 1 }}
            placeholder={t('incident.searchPlaceholder')}
            aria-label={t('incident.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && set({ q: q.trim() || undefined })}
            onBlur={() => set({ q: q.trim() || undefined })}
            data-testid="incident-search"
          />
        </Group>
        <Paper withBorder p={6}>
          <Group gap={6} grow>
            <Select
              size="xs"
              placeholder={t('incident.field.category')}
              aria-label={t('incident.field.category')}
              clearable
              data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              value={filter.category ?? null}
              onChange={(v) => set({ category: (v ?? undefined) as Filter['category'] })}
            />
            <Select
              size="xs"
              placeholder={t('incident.field.level')}
              aria-label={t('incident.field.level')}
              clearable
              data={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              value={filter.level ?? null}
              onChange={(v) => set({ level: (v ?? undefined) as Filter['level'] })}
              data-testid="filter-level"
            />
            <Select
              size="xs"
              placeholder={t('incident.statusLabel')}
              aria-label={t('incident.statusLabel')}
              clearable
              data={INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incident.status.${s}`) }))}
              value={filter.status ?? null}
              onChange={(v) => set({ status: (v ?? undefined) as Filter['status'] })}
            />
          </Group>
          <Group gap={6} grow mt={6}>
            <TextInput
              size="xs"
              placeholder={t('incident.field.district')}
              aria-label={t('incident.field.district')}
              onBlur={(e) => set({ district: e.currentTarget.value.trim() || undefined })}
            />
            <TextInput
              size="xs"
              placeholder={t('incident.fromDate')}
              aria-label={t('incident.fromDate')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              onBlur={() => set({ from: day(from, false) })}
            />
            <TextInput
              size="xs"
              placeholder={t('incident.toDate')}
              aria-label={t('incident.toDate')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              onBlur={() => set({ to: day(to, true) })}
            />
          </Group>
        </Paper>
        <div style={{ flex: 1, minHeight: 0 }}>
          <IncidentList filter={filter} selectedId={selectedId} onSelect={onSelect} />
        </div>
      </div>
      <div style={{ flex: 1, height: '100%', minWidth: 0 }}>
        {selectedId ? (
          <IncidentDetail id={selectedId} />
        ) : (
          <Text c="dimmed" mt="xl" ta="center">
            {t('incident.selectHint')}
          </Text>
        )}
      </div>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('incident.newTitle')}
        size="xl"
        closeOnEscape={false}
      >
        <IncidentForm
          onDone={(inc) => {
            setCreating(false);
            onSelect(inc.id);
          }}
          onCancel={() => setCreating(false)}
        />
      </Modal>
    </div>
  );
}
