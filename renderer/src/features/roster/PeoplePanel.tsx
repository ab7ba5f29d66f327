import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Role } from '@contract';
import { confirmAction } from '../../components/confirm';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { PersonForm } from './PersonForm';

export function PeoplePanel() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const errors = useApiErrors();
  const write = useMutationCall();
  const people = useQuery('people.list', { includeInactive: showInactive }).data ?? [];

  async function act(fn: () => Promise<unknown>) {
    errors.clear();
    try {
      await fn();
    } catch (e) {
      errors.show(e);
    }
  }

  return (
    <Group align="flex-start" wrap="nowrap">
      <Stack style={{ flex: 3 }}>
        <Group justify="space-between">
          <Checkbox
            label={t('people.showInactive')}
            checked={showInactive}
            onChange={(e) => setShowInactive(e.currentTarget.checked)}
          />
          <Button onClick={() => setEditing('new')} data-testid="person-add">
            {t('people.add')}
          </Button>
        </Group>
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
        {people.length === 0 && <Text c="dimmed">{t('people.empty')}</Text>}
        <Paper withBorder>
          <Table striped verticalSpacing={4} data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.name')}</Table.Th>
                <Table.Th>{t('people.unit')}</Table.Th>
                <Table.Th>{t('people.jobTitle')}</Table.Th>
                <Table.Th>{t('roster.phones')}</Table.Th>
                <Table.Th>{t('people.roles')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id} c={p.active ? undefined : 'dimmed'}>
                  <Table.Td>
                    {p.name} {!p.active && <Badge color="gray">{t('people.inactive')}</Badge>}
                    {p.hasPin && (
                      <Badge color="teal" variant="light" ml={4}>
                        {t('people.hasPin')}
                      </Badge>
                    )}
                    {p.pinWeak && (
                      <Badge color="orange" variant="light" ml={4} data-testid="pin-weak">
                        {t('people.pinWeak')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.unit}</Table.Td>
                  <Table.Td>{p.title}</Table.Td>
                  <Table.Td>{p.phones.join(', ')}</Table.Td>
                  <Table.Td>{p.roles.map((r: Role) => t(`role.${r}`)).join('、')}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="default" onClick={() => setEditing(p)}>
                        {t('people.edit')}
                      </Button>
                      {p.active && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => void act(() => write('people.deactivate', { id: p.id }))}
                        >
                          {t('people.deactivate')}
                        </Button>
                      )}
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="subtle"
                        onClick={() =>
                          void confirmAction({
                            message: t('people.deleteConfirm', { name: p.name }),
                            confirmLabel: t('people.delete'),
                            danger: true,
                          }).then((yes) => {
                            if (yes) void act(() => write('people.delete', { id: p.id }));
                          })
                        }
                        data-testid={`person-delete-${p.id}`}
                      >
                        {t('people.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
      {editing && (
        <PersonForm
          key={editing === 'new' ? 'new' : editing.id}
          person={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
          onCancel={() => setEditing(null)}
        />
      )}
    </Group>
  );
}
