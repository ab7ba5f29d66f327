import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, Role } from '@contract';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { DateField } from '../../components/DateField';

const ROLES: Role[] = ['leader', 'lead', 'second'];
interface Absence {
  personId: string | null;
  from: string;
  to: string;
}

/** Rotation order per role is the order in which people are picked (defaults: everyone with the role). */
export function GenerateModal(props: { month: string; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const people = useQuery('people.list', props.opened ? {} : null).data;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`${t('roster.generateTitle')} · ${props.month}`}
      size="lg"
    >
      {people && <GenerateForm month={props.month} people={people} onDone={props.onClose} />}
    </Modal>
  );
}

function GenerateForm({ month, people, onDone }: { month: string; people: Person[]; onDone(): void }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const of = (r: Role) => people.filter((p) => p.roles.includes(r)).map((p) => String(p.id));
  const { form, submit, formError } = useContractForm({
    method: 'roster.generate',
    initialValues: {
      rotations: { leader: of('leader'), lead: of('lead'), second: of('second') } as Record<Role, string[]>,
      unavailable: [] as Absence[],
      replace: false,
    },
    toInput: (v) => ({
      month,
      rotations: {
        leader: v.rotations.leader.map(Number),
        lead: v.rotations.lead.map(Number),
        second: v.rotations.second.map(Number),
      },
      unavailable: v.unavailable.map((a) => ({ personId: Number(a.personId), from: a.from, to: a.to })),
      replace: v.replace,
    }),
  });

  const options = (r: Role) =>
    people.filter((p) => p.roles.includes(r)).map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <form
      noValidate
      onSubmit={submit(async (input) => {
        await write('roster.generate', input);
        onDone();
      })}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('roster.generateHint')}
        </Text>
        {formError && <Alert color="red">{formError}</Alert>}
        {ROLES.map((r) => (
          <MultiSelect
            key={r}
            label={t('roster.rotationFor', { role: t(`role.${r}`) })}
            data={options(r)}
            {...form.getInputProps(`rotations.${r}`)}
            data-testid={`rotation-${r}`}
          />
        ))}
        <Text size="sm" fw={500}>
          {t('roster.unavailable')}
        </Text>
        {form.values.unavailable.map((_, i) => (
          <Group key={i} grow>
            <Select
              aria-label={t('roster.unavailablePerson')}
              data={people.map((p) => ({ value: String(p.id), label: p.name }))}
              {...form.getInputProps(`unavailable.${i}.personId`)}
            />
            <DateField aria-label={t('roster.unavailableFrom')} {...form.getInputProps(`unavailable.${i}.from`)} />
            <DateField aria-label={t('roster.unavailableTo')} {...form.getInputProps(`unavailable.${i}.to`)} />
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => form.insertListItem('unavailable', { personId: null, from: '', to: '' })}
          >
            {t('roster.addUnavailable')}
          </Button>
        </Group>
        <Checkbox
          label={t('roster.replace')}
          {...form.getInputProps('replace', { type: 'checkbox' })}
          data-testid="generate-replace"
        />
        <Button type="submit" loading={form.submitting} data-testid="generate-submit">
          {t('roster.generate')}
        </Button>
      </Stack>
    </form>
  );
}
