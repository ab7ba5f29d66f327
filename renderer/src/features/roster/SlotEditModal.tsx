import { Alert, Button, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, RosterMonth, RosterSlot, SlotRef } from '@contract';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';

type Mode = 'swap' | 'standIn' | 'assign';

/** Swap, stand-in or hand edit of one slot, each with its reason (and approver) recorded. */
export function SlotEditModal(props: {
  month: RosterMonth;
  editing: { at: SlotRef; slot: RosterSlot };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { at, slot } = props.editing;
  const [mode, setMode] = useState<Mode>(slot.person ? 'swap' : 'assign');
  const people = useQuery('people.list', {}).data ?? [];
  const write = useMutationCall();
  const METHOD = { swap: 'roster.swap', standIn: 'roster.standIn', assign: 'roster.assign' } as const;
  // Each mode saves through its own method, and is checked against that method's schema.
  const { form, submit, formError } = useContractForm({
    method: METHOD[mode] as 'roster.assign',
    initialValues: { other: null as string | null, personId: null as string | null, reason: '', approver: '' },
    toInput: (v) => {
      const { reason, approver } = v;
      const input =
        mode === 'swap'
          ? { a: at, b: v.other ? (JSON.parse(v.other) as SlotRef) : at, reason, approver }
          : mode === 'standIn'
            ? { at, personId: Number(v.personId), reason, approver }
            : { at, personId: v.personId ? Number(v.personId) : null, reason };
      return input as MethodInput<'roster.assign'>;
    },
    fieldOf: (path) => (path === 'b' ? 'other' : path),
  });

  // Other slots of the same role that have someone, as swap partners.
  const partners = props.month.days.flatMap((d) =>
    d.shifts.flatMap((s) =>
      s.slots
        .filter((x) => x.role === at.role && x.person && x.person.id !== slot.person?.id)
        .map((x) => ({
          value: JSON.stringify({ date: d.date, shift: s.shift, role: x.role, slot: x.slot }),
          label: `${d.date.slice(5)} ${s.shift === 'full' ? '' : t(`roster.shift.${s.shift}`)} ${x.person!.name}`,
        })),
    ),
  );
  const peopleData = people.map((p) => ({ value: String(p.id), label: p.name }));

  const modes = [
    ...(slot.person
      ? [
          { value: 'swap', label: t('roster.swap') },
          { value: 'standIn', label: t('roster.standIn') },
        ]
      : []),
    { value: 'assign', label: t('roster.assign') },
  ];

  return (
    <Modal opened onClose={props.onClose} title={`${at.date} ${t(`role.${at.role}`)}`}>
      <form
        noValidate
        onSubmit={submit(async (input) => {
          await write(METHOD[mode], input as never);
          props.onClose();
        })}
      >
        <Stack>
          <Text size="sm">{slot.person?.name ?? t('roster.nobody')}</Text>
          <SegmentedControl
            value={mode}
            onChange={(v) => {
              setMode(v as Mode);
              form.clearErrors();
            }}
            data={modes}
            data-testid="slot-mode"
          />
          {formError && <Alert color="red">{formError}</Alert>}
          {mode === 'swap' && (
            <Select
              label={t('roster.swapWith')}
              data={partners}
              {...form.getInputProps('other')}
              searchable
              required
              data-testid="swap-with"
            />
          )}
          {mode !== 'swap' && (
            <Select
              label={mode === 'standIn' ? t('roster.standInPerson') : t('roster.assignPerson')}
              data={peopleData}
              {...form.getInputProps('personId')}
              searchable
              clearable={mode === 'assign'}
              required={mode === 'standIn'}
              placeholder={mode === 'assign' ? t('roster.clear') : undefined}
              data-testid="slot-person"
            />
          )}
          <TextInput
            label={t('roster.reason')}
            required={mode !== 'assign'}
            {...form.getInputProps('reason')}
            data-testid="slot-reason"
          />
          {mode !== 'assign' && (
            <TextInput
              label={t('roster.approver')}
              required
              {...form.getInputProps('approver')}
              data-testid="slot-approver"
            />
          )}
          <Button type="submit" loading={form.submitting} data-testid="slot-submit">
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
