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
import { toast } from '../../components/toast';
import { useTranslation } from 'react-i18next';
import { EQUIPMENT, EQUIPMENT_STATES, type Handover, type MethodInput } from '@contract';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { formatInstant } from '../roster/format';
import { STATUS_COLOR } from './status';
import { LiveSummary } from './LiveSummary';
import { SignBox } from './SignBox';

type Values = {
  notices: string;
  notes: string;
  equipment: Handover['equipment'];
  outgoingPersonId: string | null;
  incomingPersonId: string | null;
};

/** The draft's typed parts (notices, equipment, notes, who hands over to whom); the live summary is the core's. */
export function HandoverDetail({ handover: h }: { handover: Handover }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const frozen = h.status !== 'draft';
  const write = useMutationCall();
  const people = useQuery('people.list', {}).data ?? [];
  const refresh = useApiErrors();
  const time = (iso: string) => formatInstant(iso, settings.timeZone, i18n.language);
  const toInput = (v: Values): MethodInput<'handover.save'> => ({
    id: h.id,
    notices: v.notices,
    notes: v.notes,
    equipment: v.equipment,
    outgoingPersonId: v.outgoingPersonId ? Number(v.outgoingPersonId) : null,
    incomingPersonId: v.incomingPersonId ? Number(v.incomingPersonId) : null,
  });
  const { form, submit, formError } = useContractForm({
    method: 'handover.save',
    initialValues: {
      notices: h.notices,
      notes: h.notes,
      equipment: h.equipment,
      outgoingPersonId: h.outgoing ? String(h.outgoing.id) : null,
      incomingPersonId: h.incoming ? String(h.incoming.id) : null,
    } as Values,
    toInput,
  });
  const equipment = form.values.equipment;
  // The outgoing officer's signature first saves what was typed, so nothing typed is lost.
  const save = () => write('handover.save', toInput(form.getValues()));
  const officers = people
    .filter((p) => p.roles.some((r) => r !== 'leader'))
    .map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <Stack gap="md" data-testid="handover-detail">
      <form
        noValidate
        onSubmit={submit(async (input) => {
          await write('handover.save', input);
          toast({ color: 'green', message: t('common.saved') });
        })}
      >
        <Stack gap="md">
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
          {(formError ?? refresh.formError) && <Alert color="red">{formError ?? refresh.formError}</Alert>}
          <Group grow>
            <Select
              label={t('handover.outgoing')}
              data={officers}
              {...form.getInputProps('outgoingPersonId')}
              disabled={frozen}
              required
            />
            <Select
              label={t('handover.incoming')}
              data={officers}
              {...form.getInputProps('incomingPersonId')}
              disabled={frozen}
              required
            />
          </Group>
          <LiveSummary live={h.live} />
          <Textarea
            label={t('handover.notices')}
            autosize
            minRows={3}
            {...form.getInputProps('notices')}
            readOnly={frozen}
            data-testid="handover-notices"
          />
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600} size="sm">
                  {t('handover.equipment')}
                </Text>
                {!frozen && (
                  // Most shifts find every device working: one click instead of four.
                  <Button
                    size="xs"
                    variant="light"
                    color="green"
                    onClick={() => EQUIPMENT.forEach((k) => form.setFieldValue(`equipment.${k}`, 'ok'))}
                    data-testid="equipment-all-ok"
                  >
                    {t('handover.equipmentAllOk')}
                  </Button>
                )}
              </Group>
              {EQUIPMENT.map((k) => (
                <Group key={k} justify="space-between">
                  <Text size="sm">{t(`handover.equipmentItem.${k}`)}</Text>
                  <SegmentedControl
                    aria-label={t(`handover.equipmentItem.${k}`)}
                    size="xs"
                    disabled={frozen}
                    {...form.getInputProps(`equipment.${k}`)}
                    data={EQUIPMENT_STATES.map((s) => ({ value: s, label: t(`handover.equipmentState.${s}`) }))}
                    color={equipment[k] === 'fault' ? 'red' : equipment[k] === 'ok' ? 'green' : undefined}
                    data-testid={`equipment-${k}`}
                  />
                </Group>
              ))}
              <TextInput
                label={t('handover.equipmentNote')}
                {...form.getInputProps('equipment.note')}
                readOnly={frozen}
              />
            </Stack>
          </Paper>
          <Textarea
            label={t('handover.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
            readOnly={frozen}
          />
          {!frozen && (
            <Group>
              <Button type="submit" loading={form.submitting} data-testid="handover-save">
                {t('handover.saveDraft')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  refresh.clear();
                  write('handover.draft', { date: h.date, shift: h.shift }).catch(refresh.show);
                }}
              >
                {t('handover.refresh')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <Group grow align="flex-start">
        <SignBox handover={h} side="outgoing" people={people} beforeSign={frozen ? undefined : save} />
        <SignBox handover={h} side="incoming" people={people} />
      </Group>
      <SignBox handover={h} side="review" people={people} />
    </Stack>
  );
}
