import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EQUIPMENT, EQUIPMENT_STATES, type EquipmentStatus, type Handover, type Person } from '@contract';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { formatInstant } from '../roster/format';
import { STATUS_COLOR } from './status';
import { LiveSummary } from './LiveSummary';
import { SignBox } from './SignBox';

export function HandoverDetail({ handover: h, onChange }: { handover: Handover; onChange(h: Handover): void }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const frozen = h.status !== 'draft';
  const [people, setPeople] = useState<Person[]>([]);
  const [notices, setNotices] = useState(h.notices);
  const [notes, setNotes] = useState(h.notes);
  const [equipment, setEquipment] = useState<EquipmentStatus>(h.equipment);
  const [outgoing, setOutgoing] = useState(h.outgoing ? String(h.outgoing.id) : null);
  const [incoming, setIncoming] = useState(h.incoming ? String(h.incoming.id) : null);
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();
  const time = (iso: string) => formatInstant(iso, settings.timeZone, i18n.language);

  useEffect(() => {
    call('people.list', {}).then(setPeople, errors.show);
  }, [errors.show]);

  async function run(fn: () => Promise<Handover>, saved = false) {
    setBusy(true);
    errors.clear();
    try {
      onChange(await fn());
      if (saved) notifications.show({ color: 'green', message: t('common.saved') });
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    call('handover.save', {
      id: h.id,
      notices,
      notes,
      equipment,
      outgoingPersonId: outgoing ? Number(outgoing) : null,
      incomingPersonId: incoming ? Number(incoming) : null,
    });
  const officers = people
    .filter((p) => p.roles.some((r) => r !== 'leader'))
    .map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <Stack gap="md" data-testid="handover-detail">
      <Group justify="space-between">
        <Title order={3}>
          {t('handover.title')} · {h.date} {h.shift === 'full' ? '' : t(`roster.shift.${h.shift}`)}
        </Title>
        <Badge size="lg" color={STATUS_COLOR[h.status]} data-testid="handover-status">
          {t(`handover.status.${h.status}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t('handover.period')}: {time(h.periodStart)} – {time(h.periodEnd)} · {t('handover.leader')}:{' '}
        {h.leader?.name ?? '—'}
      </Text>
      {frozen && <Alert color="gray">{t('handover.frozen')}</Alert>}
      {errors.formError && <Alert color="red">{errors.formError}</Alert>}
      <Group grow>
        <Select
          label={t('handover.outgoing')}
          data={officers}
          value={outgoing}
          onChange={setOutgoing}
          disabled={frozen}
          required
        />
        <Select
          label={t('handover.incoming')}
          data={officers}
          value={incoming}
          onChange={setIncoming}
          disabled={frozen}
          required
        />
      </Group>
      <LiveSummary live={h.live} />
      <Textarea
        label={t('handover.notices')}
        autosize
        minRows={3}
        value={notices}
        onChange={(e) => setNotices(e.currentTarget.value)}
        readOnly={frozen}
        error={errors.fieldErrors.notices}
        data-testid="handover-notices"
      />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('handover.equipment')}
          </Text>
          {EQUIPMENT.map((k) => (
            <Group key={k} justify="space-between">
              <Text size="sm">{t(`handover.equipmentItem.${k}`)}</Text>
              <SegmentedControl
                size="xs"
                disabled={frozen}
                value={equipment[k]}
                onChange={(v) => setEquipment({ ...equipment, [k]: v })}
                data={EQUIPMENT_STATES.map((s) => ({ value: s, label: t(`handover.equipmentState.${s}`) }))}
                color={equipment[k] === 'fault' ? 'red' : equipment[k] === 'ok' ? 'green' : undefined}
                data-testid={`equipment-${k}`}
              />
            </Group>
          ))}
          <TextInput
            label={t('handover.equipmentNote')}
            value={equipment.note}
            readOnly={frozen}
            onChange={(e) => setEquipment({ ...equipment, note: e.currentTarget.value })}
          />
        </Stack>
      </Paper>
      <Textarea
        label={t('handover.notes')}
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        readOnly={frozen}
      />
      {!frozen && (
        <Group>
          <Button onClick={() => void run(save, true)} loading={busy} data-testid="handover-save">
            {t('handover.saveDraft')}
          </Button>
          <Button
            variant="default"
            onClick={() => void run(() => call('handover.draft', { date: h.date, shift: h.shift }))}
          >
            {t('handover.refresh')}
          </Button>
        </Group>
      )}
      <Group grow align="flex-start">
        <SignBox
          handover={h}
          side="outgoing"
          people={people}
          onSigned={onChange}
          beforeSign={frozen ? undefined : save}
        />
        <SignBox handover={h} side="incoming" people={people} onSigned={onChange} />
      </Group>
      <SignBox handover={h} side="review" people={people} onSigned={onChange} />
    </Stack>
  );
}
