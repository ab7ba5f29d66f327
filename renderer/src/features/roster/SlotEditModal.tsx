import { Alert, Button, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, RosterMonth, RosterSlot, SlotRef } from '@contract';
import { handEditApproval } from '@domain';
import { call } from '../../api/client';
import { useApiErrors } from '../../hooks/useApiErrors';

type Mode = 'swap' | 'standIn' | 'assign';

/** Swap, stand-in or hand edit of one slot, each with its reason (and approver) recorded. */
export function SlotEditModal(props: {
  month: RosterMonth;
  editing: { at: SlotRef; slot: RosterSlot };
  onClose(): void;
  onDone(m: RosterMonth): void;
}) {
  const { t } = useTranslation();
  const { at, slot } = props.editing;
  const [mode, setMode] = useState<Mode>(slot.person ? 'swap' : 'assign');
  const [people, setPeople] = useState<Person[]>([]);
  const [other, setOther] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();

  useEffect(() => {
    call('people.list', {}).then(setPeople, errors.show);
  }, [errors.show]);

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
  // A hand edit that replaces or clears the rostered person, or gives a role the person does not hold,
  // is approved like a swap (the core enforces the same rule).
  const chosen = personId ? (people.find((p) => String(p.id) === personId) ?? null) : null;
  const approval =
    mode === 'assign' ? handEditApproval(at.role, slot.person?.id ?? null, chosen) : ('swap_or_stand_in' as const);

  async function submit() {
    setBusy(true);
    errors.clear();
    try {
      let m: RosterMonth;
      if (mode === 'swap') {
        m = await call('roster.swap', { a: at, b: other ? (JSON.parse(other) as SlotRef) : at, reason, approver });
      } else if (mode === 'standIn') {
        m = await call('roster.standIn', { at, personId: Number(personId), reason, approver });
      } else {
        m = await call('roster.assign', { at, personId: personId ? Number(personId) : null, reason, approver });
      }
      props.onDone(m);
      props.onClose();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

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
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{slot.person?.name ?? t('roster.nobody')}</Text>
          <SegmentedControl value={mode} onChange={(v) => setMode(v as Mode)} data={modes} data-testid="slot-mode" />
          {errors.formError && <Alert color="red">{errors.formError}</Alert>}
          {mode === 'swap' && (
            <Select
              label={t('roster.swapWith')}
              data={partners}
              value={other}
              onChange={setOther}
              searchable
              required
              data-testid="swap-with"
            />
          )}
          {mode !== 'swap' && (
            <Select
              label={mode === 'standIn' ? t('roster.standInPerson') : t('roster.assignPerson')}
              data={peopleData}
              value={personId}
              onChange={setPersonId}
              searchable
              clearable={mode === 'assign'}
              required={mode === 'standIn'}
              placeholder={mode === 'assign' ? t('roster.clear') : undefined}
              data-testid="slot-person"
            />
          )}
          {mode === 'assign' && approval && (
            <Text size="sm" c="orange.9" data-testid="slot-approval-needed">
              {t(`roster.approvalNeeded.${approval}`)}
            </Text>
          )}
          <TextInput
            label={t('roster.reason')}
            required={approval !== null}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.fieldErrors.reason}
            data-testid="slot-reason"
          />
          {approval !== null && (
            <TextInput
              label={t('roster.approver')}
              required
              value={approver}
              onChange={(e) => setApprover(e.currentTarget.value)}
              error={errors.fieldErrors.approver}
              data-testid="slot-approver"
            />
          )}
          <Button type="submit" loading={busy} data-testid="slot-submit">
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
