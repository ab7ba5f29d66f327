import { Alert, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useDataEvents } from '../../app/data-events';
import { DateTimeField } from '../../components/DateTimeField';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useFormKeys } from '../../hooks/useFormKeys';
import { useQuery } from '../../hooks/useQuery';

/** The quick call-log form (Ctrl+L from anywhere): time defaults to now, Enter saves. */
export function CallForm(props: { incidentId?: number | null; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { changed } = useDataEvents();
  const errors = useApiErrors();
  const open = useQuery('incidents.list', { status: 'open', limit: 50 });
  // The clock is read once, when the form opens (a lazy initial state).
  const [f, setF] = useState(() => ({
    at: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString() as string | null,
    direction: 'in' as 'in' | 'out',
    party: '',
    number: '',
    gist: '',
    incidentId: props.incidentId ?? null,
  }));
  const dirty = f.party !== '' || f.gist !== '' || f.number !== '';
  const fe = errors.fieldErrors;

  useFormKeys({
    onSave: () => void save(),
    onCancel: () => (!dirty || window.confirm(t('form.discardConfirm'))) && props.onCancel(),
    firstField: 'call-party',
  });

  async function save() {
    errors.clear();
    try {
      await call('calls.create', { ...f, at: f.at ?? '' });
      changed();
      props.onDone();
    } catch (e) {
      errors.show(e);
    }
  }

  return (
    <form
      noValidate
      data-testid="call-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
        <SimpleGrid cols={2}>
          <DateTimeField
            label={t('call.at')}
            required
            value={f.at}
            onChange={(v) => setF({ ...f, at: v })}
            error={fe.at}
            testId="call-at"
          />
          <Stack gap={4}>
            <SegmentedControl
              mt={24}
              value={f.direction}
              onChange={(v) => setF({ ...f, direction: v as 'in' | 'out' })}
              data={[
                { value: 'in', label: t('call.in') },
                { value: 'out', label: t('call.out') },
              ]}
            />
          </Stack>
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('call.party')}
            required
            data-autofocus
            value={f.party}
            onChange={(e) => setF({ ...f, party: e.currentTarget.value })}
            error={fe.party}
            data-testid="call-party"
          />
          <TextInput
            label={t('call.number')}
            value={f.number}
            onChange={(e) => setF({ ...f, number: e.currentTarget.value })}
            error={fe.number}
            data-testid="call-number"
          />
        </SimpleGrid>
        <Textarea
          label={t('call.gist')}
          required
          autosize
          minRows={2}
          value={f.gist}
          onChange={(e) => setF({ ...f, gist: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void save();
            }
          }}
          error={fe.gist}
          description={t('call.gistHint')}
          data-testid="call-gist"
        />
        <Select
          label={t('call.incident')}
          placeholder={t('call.standalone')}
          clearable
          searchable
          data={(open.data?.items ?? []).map((i) => ({ value: String(i.id), label: `${i.number} ${i.title}` }))}
          value={f.incidentId ? String(f.incidentId) : null}
          onChange={(v) => setF({ ...f, incidentId: v ? Number(v) : null })}
          data-testid="call-incident"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" data-testid="call-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
