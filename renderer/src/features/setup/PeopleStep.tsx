import { ActionIcon, Button, Chip, Group, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@contract';

export interface SetupPerson {
  name: string;
  roles: Role[];
  phone: string;
  pin: string;
}

export const blankPerson = (role: Role): SetupPerson => ({ name: '', roles: [role], phone: '', pin: '' });

/** Problems of one row, as i18n keys: a person needs a name, a role and a PIN to sign with. */
export function personProblems(p: SetupPerson): Partial<Record<'name' | 'roles' | 'pin', string>> {
  const out: Partial<Record<'name' | 'roles' | 'pin', string>> = {};
  if (!p.name.trim()) out.name = 'errors.field.required';
  if (p.roles.length === 0) out.roles = 'errors.field.required';
  if (!/^\d{6,8}$/.test(p.pin)) out.pin = 'setup.pinRule';
  return out;
}

export function PeopleStep(props: { people: SetupPerson[]; onChange(p: SetupPerson[]): void; showErrors: boolean }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<SetupPerson>) =>
    props.onChange(props.people.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('setup.peopleHint')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.name')}</Table.Th>
            <Table.Th>{t('people.roles')}</Table.Th>
            <Table.Th>{t('setup.phone')}</Table.Th>
            <Table.Th>PIN</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.people.map((p, i) => {
            const problems = props.showErrors ? personProblems(p) : {};
            return (
              <Table.Tr key={i} data-testid={`setup-person-${i}`}>
                <Table.Td>
                  <TextInput
                    aria-label={t('people.name')}
                    value={p.name}
                    onChange={(e) => set(i, { name: e.currentTarget.value })}
                    error={problems.name && t(problems.name)}
                    data-autofocus={i === 0 || undefined}
                  />
                </Table.Td>
                <Table.Td>
                  <Chip.Group multiple value={p.roles} onChange={(v) => set(i, { roles: v as Role[] })}>
                    <Group gap={4} wrap="nowrap">
                      {ROLES.map((r) => (
                        <Chip key={r} value={r} size="xs">
                          {t(`role.${r}`)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {problems.roles && (
                    <Text size="xs" c="red">
                      {t(problems.roles)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('setup.phone')}
                    value={p.phone}
                    onChange={(e) => set(i, { phone: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <PasswordInput
                    aria-label="PIN"
                    w={110}
                    inputMode="numeric"
                    value={p.pin}
                    onChange={(e) => set(i, { pin: e.currentTarget.value })}
                    error={problems.pin && t(problems.pin)}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('setup.removePerson')}
                    disabled={props.people.length <= 1}
                    onClick={() => props.onChange(props.people.filter((_, k) => k !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          onClick={() => props.onChange([...props.people, blankPerson('second')])}
          data-testid="setup-add-person"
        >
          {t('setup.addPerson')}
        </Button>
      </Group>
    </Stack>
  );
}
