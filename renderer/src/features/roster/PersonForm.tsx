import { Alert, Button, Checkbox, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Role } from '@contract';
import { call } from '../../api/client';
import { useApiErrors } from '../../hooks/useApiErrors';

const ROLES: Role[] = ['leader', 'lead', 'second'];

export function PersonForm(props: { person: Person | null; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const p = props.person;
  const [name, setName] = useState(p?.name ?? '');
  const [unit, setUnit] = useState(p?.unit ?? '');
  const [title, setTitle] = useState(p?.title ?? '');
  const [phones, setPhones] = useState(p?.phones.join(', ') ?? '');
  const [roles, setRoles] = useState<string[]>(p?.roles ?? []);
  const [active, setActive] = useState(p?.active ?? true);
  const [pin, setPin] = useState('');
  const [currentPin, setCurrentPin] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();

  async function save() {
    setBusy(true);
    errors.clear();
    try {
      const saved = await call('people.save', {
        ...(p ? { id: p.id } : {}),
        name,
        unit,
        title,
        phones: phones
          .split(/[,，;；\s]+/)
          .map((x) => x.trim())
          .filter(Boolean),
        roles: roles as Role[],
        active,
      });
      if (pin) await call('people.setPin', { id: saved.id, pin, ...(currentPin ? { currentPin } : {}) });
      props.onDone();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" style={{ flex: 2, minWidth: 300 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      >
        <Stack gap="sm">
          <Title order={4}>{p ? p.name : t('people.add')}</Title>
          {errors.formError && <Alert color="red">{errors.formError}</Alert>}
          <TextInput
            label={t('people.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.fieldErrors.name}
            data-testid="person-name"
          />
          <TextInput
            label={t('people.unit')}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            error={errors.fieldErrors.unit}
          />
          <TextInput
            label={t('people.jobTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.fieldErrors.title}
          />
          <TextInput
            label={t('people.phones')}
            value={phones}
            onChange={(e) => setPhones(e.currentTarget.value)}
            error={errors.fieldErrors.phones ?? errors.fieldErrors['phones.0']}
            data-testid="person-phones"
          />
          <Checkbox.Group
            label={t('people.roles')}
            required
            value={roles}
            onChange={setRoles}
            error={errors.fieldErrors.roles}
          >
            <Group mt={4}>
              {ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`role.${r}`)} data-testid={`person-role-${r}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox label={t('people.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          {p?.hasPin && (
            <PasswordInput
              label={t('people.currentPin')}
              value={currentPin}
              onChange={(e) => setCurrentPin(e.currentTarget.value)}
              error={errors.fieldErrors.pin}
            />
          )}
          <PasswordInput
            label={t('people.pin')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            error={errors.fieldErrors.pin}
          />
          <Group>
            <Button type="submit" loading={busy} data-testid="person-save">
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
