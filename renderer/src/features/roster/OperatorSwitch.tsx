import { Alert, Button, Modal, PasswordInput, Select, Stack } from '@mantine/core';
import { toast } from '../../components/toast';
import { IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorSession, Person } from '@contract';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';

/** The current operator, click to switch: people on the current shift are listed first. */
export function OperatorSwitch() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Re-read each minute: a session from the previous shift must show as stale once the shift turns.
  const session = useQuery('operator.current', {}, { refetchIntervalMs: 60_000 }).data?.session ?? null;
  const duty = useQuery('duty.now', {}, { refetchIntervalMs: 60_000 }).data ?? null;

  // At shift start the incoming officer identifies anew: a session from the previous shift is flagged.
  const stale = !session || (duty !== null && session.since < duty.startsAt);
  return (
    <>
      <Button
        variant={stale ? 'light' : 'default'}
        color={stale ? 'orange' : undefined}
        leftSection={<IconUserCircle size={18} />}
        onClick={() => setOpen(true)}
        data-testid="operator-button"
        style={{ flexShrink: 0 }}
        title={t('operator.switch')}
      >
        {t('operator.label')}: {session?.name ?? t('operator.unidentified')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('operator.switchTitle')}>
        {open && <SwitchForm session={session} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function SwitchForm({ session, onDone }: { session: OperatorSession | null; onDone(): void }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const people = useQuery('people.list', {}).data ?? [];
  const duty = useQuery('duty.now', {}).data;
  const { form, submit, formError } = useContractForm({
    method: 'operator.switch',
    initialValues: { personId: session ? String(session.personId) : (null as string | null), pin: '' },
    toInput: (v) => ({ personId: Number(v.personId), ...(v.pin ? { pin: v.pin } : {}) }),
  });

  const onDuty = new Set([...(duty?.leader ?? []), ...(duty?.lead ?? []), ...(duty?.second ?? [])].map((p) => p.id));
  const option = (p: Person) => ({ value: String(p.id), label: `${p.name}${p.title ? ' · ' + p.title : ''}` });
  const data = [
    { group: t('operator.onDutyFirst'), items: people.filter((p) => onDuty.has(p.id)).map(option) },
    { group: t('operator.others'), items: people.filter((p) => !onDuty.has(p.id)).map(option) },
  ].filter((g) => g.items.length);

  return (
    <form
      noValidate
      onSubmit={submit(async (input) => {
        const s = await write('operator.switch', input);
        onDone();
        toast({ color: 'green', message: t('operator.switched', { name: s.name }) });
      })}
    >
      <Stack>
        {formError && <Alert color="red">{formError}</Alert>}
        <Select
          label={t('operator.person')}
          data={data}
          searchable
          required
          data-testid="operator-person"
          {...form.getInputProps('personId')}
        />
        <PasswordInput label={t('operator.pin')} {...form.getInputProps('pin')} data-testid="operator-pin" />
        <Button type="submit" disabled={!form.values.personId} data-testid="operator-confirm">
          {t('operator.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
