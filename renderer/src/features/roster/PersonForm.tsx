import { Alert, Button, Checkbox, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, Role } from '@contract';
import { confirmDiscard } from '../../components/confirm';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';

const ROLES: Role[] = ['leader', 'lead', 'second'];

export function PersonForm(props: { person: Person | null; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const p = props.person;
  const write = useMutationCall();
  const { form, submit, formError } = useContractForm({
    method: 'people.save',
    initialValues: {
      name: p?.name ?? '',
      unit: p?.unit ?? '',
      title: p?.title ?? '',
      phones: p?.phones.join(', ') ?? '',
      roles: (p?.roles ?? []) as string[],
      active: p?.active ?? true,
      pin: '',
      currentPin: '',
    },
    toInput: (v) => ({
      ...(p ? { id: p.id } : {}),
      name: v.name,
      unit: v.unit,
      title: v.title,
      phones: v.phones
        .split(/[,，;；\s]+/)
        .map((x) => x.trim())
        .filter(Boolean),
      roles: v.roles as Role[],
      active: v.active,
    }),
    // One phones box holds the list: an issue with any number shows under it.
    fieldOf: (path) => (path.startsWith('phones') ? 'phones' : path),
  });

  const cancel = () => void confirmDiscard(form.isDirty()).then((yes) => yes && props.onCancel());

  return (
    <Paper withBorder p="md" style={{ flex: 2, minWidth: 300 }}>
      {/* Esc from any field inside cancels (asking first if edited); the form is not a target itself. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        noValidate
        onSubmit={submit(async (input, v) => {
          const saved = await write('people.save', input);
          if (v.pin)
            await write('people.setPin', {
              id: saved.id,
              pin: v.pin,
              ...(v.currentPin ? { currentPin: v.currentPin } : {}),
            });
          props.onDone();
        })}
        onKeyDown={(e) => e.key === 'Escape' && cancel()}
      >
        <Stack gap="sm">
          <Title order={4}>{p ? p.name : t('people.add')}</Title>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput label={t('people.name')} required {...form.getInputProps('name')} data-testid="person-name" />
          <TextInput label={t('people.unit')} {...form.getInputProps('unit')} />
          <TextInput label={t('people.jobTitle')} {...form.getInputProps('title')} />
          <TextInput label={t('people.phones')} {...form.getInputProps('phones')} data-testid="person-phones" />
          <Checkbox.Group label={t('people.roles')} required {...form.getInputProps('roles')}>
            <Group mt={4}>
              {ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`role.${r}`)} data-testid={`person-role-${r}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox label={t('people.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          {p?.hasPin && (
            <PasswordInput
              label={t('people.currentPin')}
              {...form.getInputProps('currentPin')}
              error={form.errors.pin}
            />
          )}
          <PasswordInput label={t('people.pin')} {...form.getInputProps('pin')} />
          <Group>
            <Button type="submit" loading={form.submitting} data-testid="person-save">
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
