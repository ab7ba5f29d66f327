import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Role, RosterMonth } from '@contract';
import { call } from '../../api/client';
import { useApiErrors } from '../../hooks/useApiErrors';

const ROLES: Role[] = ['leader', 'lead', 'second'];
interface Absence {
  personId: string | null;
  from: string;
  to: string;
}

/** Rotation order per role is the order in which people are picked (defaults: everyone with the role). */
export function GenerateModal(props: {
  month: string;
  opened: boolean;
  onClose(): void;
  onDone(m: RosterMonth): void;
}) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Person[]>([]);
  const [rotations, setRotations] = useState<Record<Role, string[]>>({ leader: [], lead: [], second: [] });
  const [absences, setAbsences] = useState<Absence[]>([]);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();

  useEffect(() => {
    if (!props.opened) return;
    errors.clear();
    call('people.list', {}).then((list) => {
      setPeople(list);
      const of = (r: Role) => list.filter((p) => p.roles.includes(r)).map((p) => String(p.id));
      setRotations({ leader: of('leader'), lead: of('lead'), second: of('second') });
    }, errors.show);
  }, [props.opened, errors.show, errors.clear]);

  async function submit() {
    setBusy(true);
    errors.clear();
    try {
      const m = await call('roster.generate', {
        month: props.month,
        rotations: {
          leader: rotations.leader.map(Number),
          lead: rotations.lead.map(Number),
          second: rotations.second.map(Number),
        },
        unavailable: absences.map((a) => ({ personId: Number(a.personId), from: a.from, to: a.to })),
        replace,
      });
      props.onDone(m);
      props.onClose();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

  const options = (r: Role) =>
    people.filter((p) => p.roles.includes(r)).map((p) => ({ value: String(p.id), label: p.name }));
  const setAbsence = (i: number, patch: Partial<Absence>) =>
    setAbsences((list) => list.map((a, k) => (k === i ? { ...a, ...patch } : a)));

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`${t('roster.generateTitle')} · ${props.month}`}
      size="lg"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('roster.generateHint')}
        </Text>
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
        {ROLES.map((r) => (
          <MultiSelect
            key={r}
            label={t('roster.rotationFor', { role: t(`role.${r}`) })}
            data={options(r)}
            value={rotations[r]}
            onChange={(v) => setRotations((x) => ({ ...x, [r]: v }))}
            error={errors.fieldErrors[`rotations.${r}`]}
            data-testid={`rotation-${r}`}
          />
        ))}
        <Text size="sm" fw={500}>
          {t('roster.unavailable')}
        </Text>
        {absences.map((a, i) => (
          <Group key={i} grow>
            <Select
              aria-label={t('roster.unavailablePerson')}
              data={people.map((p) => ({ value: String(p.id), label: p.name }))}
              value={a.personId}
              onChange={(v) => setAbsence(i, { personId: v })}
            />
            <TextInput
              type="date"
              aria-label={t('roster.unavailableFrom')}
              value={a.from}
              onChange={(e) => setAbsence(i, { from: e.currentTarget.value })}
              error={errors.fieldErrors[`unavailable.${i}.from`]}
            />
            <TextInput
              type="date"
              aria-label={t('roster.unavailableTo')}
              value={a.to}
              onChange={(e) => setAbsence(i, { to: e.currentTarget.value })}
              error={errors.fieldErrors[`unavailable.${i}.to`]}
            />
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => setAbsences((l) => [...l, { personId: null, from: '', to: '' }])}
          >
            {t('roster.addUnavailable')}
          </Button>
        </Group>
        <Checkbox
          label={t('roster.replace')}
          checked={replace}
          onChange={(e) => setReplace(e.currentTarget.checked)}
          data-testid="generate-replace"
        />
        <Button onClick={() => void submit()} loading={busy} data-testid="generate-submit">
          {t('roster.generate')}
        </Button>
      </Stack>
    </Modal>
  );
}
