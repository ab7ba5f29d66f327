import { Button, Modal, PasswordInput, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyNow, OperatorSession, Person } from '@contract';
import { call } from '../../api/client';
import { useApiErrors } from '../../hooks/useApiErrors';
import { notifyRosterChanged, useRosterVersion } from './roster-bus';

/** The current operator, click to switch: people on the current shift are listed first. */
export function OperatorSwitch() {
  const { t } = useTranslation();
  const version = useRosterVersion(60_000);
  const [session, setSession] = useState<OperatorSession | null>(null);
  const [open, setOpen] = useState(false);
  const [people, setPeople] = useState<Person[]>([]);
  const [duty, setDuty] = useState<DutyNow | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const errors = useApiErrors();

  useEffect(() => {
    call('operator.current', {}).then((r) => setSession(r.session), errors.show);
    call('duty.now', {}).then(setDuty, () => setDuty(null));
  }, [version, errors.show]);

  async function openModal() {
    errors.clear();
    setPin('');
    setPersonId(session ? String(session.personId) : null);
    setOpen(true);
    setPeople(await call('people.list', {}));
  }

  async function confirm() {
    if (!personId) return;
    try {
      const s = await call('operator.switch', { personId: Number(personId), ...(pin ? { pin } : {}) });
      setOpen(false);
      notifyRosterChanged();
      notifications.show({ color: 'green', message: t('operator.switched', { name: s.name }) });
    } catch (e) {
      errors.show(e);
    }
  }

  const onDuty = new Set([...(duty?.leader ?? []), ...(duty?.lead ?? []), ...(duty?.second ?? [])].map((p) => p.id));
  const option = (p: Person) => ({ value: String(p.id), label: `${p.name}${p.title ? ' · ' + p.title : ''}` });
  const data = [
    { group: t('operator.onDutyFirst'), items: people.filter((p) => onDuty.has(p.id)).map(option) },
    { group: t('operator.others'), items: people.filter((p) => !onDuty.has(p.id)).map(option) },
  ].filter((g) => g.items.length);

  // At shift start the incoming officer identifies anew: a session from the previous shift is flagged.
  const stale = !session || (duty !== null && session.since < duty.startsAt);
  return (
    <>
      <Button
        variant={stale ? 'light' : 'default'}
        color={stale ? 'orange' : undefined}
        leftSection={<IconUserCircle size={18} />}
        onClick={() => void openModal()}
        data-testid="operator-button"
        style={{ flexShrink: 0 }}
        title={t('operator.switch')}
      >
        {t('operator.label')}: {session?.name ?? t('operator.unidentified')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('operator.switchTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <Stack>
            <Select
              label={t('operator.person')}
              data={data}
              value={personId}
              onChange={setPersonId}
              searchable
              required
              data-testid="operator-person"
              error={errors.fieldErrors.personId}
            />
            <PasswordInput
              label={t('operator.pin')}
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
              error={errors.fieldErrors.pin}
              data-testid="operator-pin"
            />
            <Button type="submit" disabled={!personId} data-testid="operator-confirm">
              {t('operator.confirm')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
