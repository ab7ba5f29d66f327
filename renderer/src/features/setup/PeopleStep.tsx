import { ActionIcon, Button, Chip, Group, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contract, ROLES, type Role } from '@contract';
import { toFieldIssue } from '@contract/zod-issues';
import { fieldIssueText } from '../../i18n';

export interface SetupPerson {
  name: string;
  roles: Role[];
  phone: string;
  pin: string;
}

export const blankPerson = (role: Role): SetupPerson => ({ name: '', roles: [role], phone: '', pin: '' });

type Problems = Partial<Record<'name' | 'roles' | 'phone' | 'pin', string>>;

/**
 * Problems of one row, worded: the row is checked by the schemas it is saved through (`people.save`,
 * then `people.setPin`, whose PIN rule is the one for new PINs), so the wizard says what the core would.
 * A PIN is asked for here because whoever signs a handover must have one.
 */
export function personProblems(p: SetupPerson): Problems {
  const out: Problems = {};
  const person = contract['people.save'].input.safeParse({
    name: p.name,
    roles: p.roles,
    phones: p.phone.trim() ? [p.phone] : [],
  });
  const pin = contract['people.setPin'].input.safeParse({ id: 1, pin: p.pin });
  for (const issue of [...(person.error?.issues ?? []), ...(pin.error?.issues ?? [])]) {
    const field = { name: 'name', roles: 'roles', phones: 'phone', pin: 'pin' }[String(issue.path[0])] as
      keyof Problems | undefined;
    if (field) out[field] ??= fieldIssueText(toFieldIssue(issue));
  }
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
                    error={problems.name}
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
                      {problems.roles}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('setup.phone')}
                    value={p.phone}
                    onChange={(e) => set(i, { phone: e.currentTarget.value })}
                    error={problems.phone}
                  />
                </Table.Td>
                <Table.Td>
                  <PasswordInput
                    aria-label="PIN"
                    w={110}
                    inputMode="numeric"
                    value={p.pin}
                    onChange={(e) => set(i, { pin: e.currentTarget.value })}
                    error={problems.pin}
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
