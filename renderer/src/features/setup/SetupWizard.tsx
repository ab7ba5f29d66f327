import { Alert, Button, Group, Modal, Select, Stack, Stepper, TagsInput, TextInput } from '@mantine/core';
import { toast } from '../../components/toast';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Person, type Role, type RosterConfig } from '@contract';
import { localDate } from '@domain';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useContractForm } from '../../hooks/useContractForm';
import { PeopleStep, blankPerson, personProblems, type SetupPerson } from './PeopleStep';
import { rotationStartingToday } from './rotation';
import { defaultShiftModel, ShiftModelFields } from '../roster/ShiftModelFields';

/**
 * First-run setup in four short steps: the duty room (name, upper duty room, districts), the people with
 * roles and PINs, the shift model, and this month's roster starting with who is on duty today.
 */
export function SetupWizard(props: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [step, setStep] = useState(0);
  // The room and shift steps are checked by the schemas they are saved through, like every other form.
  const room = useContractForm({
    method: 'settings.update',
    initialValues: {
      dutyRoomName: settings.dutyRoomName,
      // 上级值班室: where reports go up (the reporting settings' recipient).
      reportRecipient: settings.reportRecipient,
      districts: settings.districts,
    },
  });
  const shifts = useContractForm({
    method: 'roster.saveConfig',
    initialValues: { shiftModel: defaultShiftModel('24h'), holidays: [] as RosterConfig['holidays'] },
  });
  const [people, setPeople] = useState<SetupPerson[]>(ROLES.map(blankPerson));
  const [saved, setSaved] = useState<Person[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const [today, setToday] = useState<Partial<Record<Role, string>>>({});
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();
  // Every write refreshes what the console shows (duty header, operator, Now).
  const write = useMutationCall();

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    errors.clear();
    try {
      await fn();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

  const savePeople = () =>
    run(async () => {
      setShowErrors(true);
      if (people.some((p) => Object.keys(personProblems(p)).length > 0)) return;
      const out: Person[] = [...saved];
      for (const p of people.slice(saved.length)) {
        const person = await write('people.save', {
          name: p.name.trim(),
          roles: p.roles,
          phones: p.phone.trim() ? [p.phone.trim()] : [],
        });
        out.push(await write('people.setPin', { id: person.id, pin: p.pin }));
        setSaved([...out]);
      }
      setToday(Object.fromEntries(ROLES.map((r) => [r, String(out.find((p) => p.roles.includes(r))?.id ?? '')])));
      setStep(2);
    });

  const finish = () =>
    run(async () => {
      const now = new Date();
      const date = localDate(now, settings.timeZone);
      const shiftsPerDay = shifts.form.values.shiftModel.kind === '24h' ? 1 : 2;
      const rotations = Object.fromEntries(
        ROLES.map((r) => {
          const order = saved.filter((p) => p.roles.includes(r)).map((p) => p.id);
          return [r, rotationStartingToday(order, Number(today[r]) || null, Number(date.slice(8)), shiftsPerDay)];
        }),
      ) as Record<Role, number[]>;
      await write('roster.generate', { month: date.slice(0, 7), rotations, replace: true });
      const lead = saved.findIndex((p) => String(p.id) === today.lead);
      if (lead >= 0) await write('operator.switch', { personId: saved[lead]!.id, pin: people[lead]!.pin });
      toast({ color: 'green', message: t('setup.done') });
      props.onClose();
    });

  const byRole = (r: Role) =>
    saved.filter((p) => p.roles.includes(r)).map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('setup.title')} size="xl" closeOnClickOutside={false}>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('setup.stepRoom')}>
          <Stack mt="md">
            <TextInput label={t('settings.dutyRoomName')} {...room.form.getInputProps('dutyRoomName')} data-autofocus />
            <TextInput
              label={t('settings.upperDutyRoom')}
              description={t('settings.upperDutyRoomHint')}
              {...room.form.getInputProps('reportRecipient')}
            />
            <TagsInput
              label={t('settings.districts')}
              description={t('settings.districtsHint')}
              {...room.form.getInputProps('districts')}
              splitChars={[',', '，', '、', ' ']}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepPeople')}>
          <PeopleStep people={people} onChange={setPeople} showErrors={showErrors} />
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepShifts')}>
          <Stack mt="md">
            <ShiftModelFields
              value={shifts.form.values.shiftModel}
              onChange={(m) => shifts.form.setFieldValue('shiftModel', m)}
              errorOf={(field) => shifts.form.errors[`shiftModel.${field}`]}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepRoster')}>
          <Stack mt="md">
            {ROLES.map((r) => (
              <Select
                key={r}
                label={t('setup.onDutyToday', { role: t(`role.${r}`) })}
                data={byRole(r)}
                value={today[r] ?? null}
                onChange={(v) => setToday({ ...today, [r]: v ?? '' })}
                allowDeselect={false}
                data-testid={`setup-today-${r}`}
              />
            ))}
          </Stack>
        </Stepper.Step>
      </Stepper>
      {(errors.formError ?? room.formError ?? shifts.formError) && (
        <Alert color="red" mt="md">
          {errors.formError ?? room.formError ?? shifts.formError}
        </Alert>
      )}
      <Group justify="space-between" mt="lg">
        <Button variant="default" onClick={props.onClose}>
          {t('setup.later')}
        </Button>
        <Group>
          {step === 0 && (
            <Button
              loading={room.form.submitting}
              data-testid="setup-next"
              onClick={() =>
                room.submit(async (input) => {
                  await update(input);
                  setStep(1);
                })()
              }
            >
              {t('setup.next')}
            </Button>
          )}
          {step === 1 && (
            <Button loading={busy} data-testid="setup-next" onClick={() => void savePeople()}>
              {t('setup.next')}
            </Button>
          )}
          {step === 2 && (
            <Button
              loading={shifts.form.submitting}
              data-testid="setup-next"
              onClick={() =>
                shifts.submit(async (input) => {
                  await write('roster.saveConfig', input);
                  setStep(3);
                })()
              }
            >
              {t('setup.next')}
            </Button>
          )}
          {step === 3 && (
            <Button loading={busy} data-testid="setup-finish" onClick={() => void finish()}>
              {t('setup.finish')}
            </Button>
          )}
        </Group>
      </Group>
    </Modal>
  );
}
