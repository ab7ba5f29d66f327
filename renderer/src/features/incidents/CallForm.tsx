import { Alert, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmDiscard } from '../../components/confirm';
import { DateTimeField } from '../../components/DateTimeField';
import { useContractForm } from '../../hooks/useContractForm';
import { useFormKeys } from '../../hooks/useFormKeys';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';

/** The quick call-log form (Ctrl+L from anywhere): time defaults to now, Enter saves. */
export function CallForm(props: { incidentId?: number | null; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const open = useQuery('incidents.list', { status: 'open', limit: 50 });
  // The clock is read once, when the form opens (a lazy initial state).
  const [initialValues] = useState(() => ({
    at: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString() as string | null,
    direction: 'in' as 'in' | 'out',
    party: '',
    number: '',
    gist: '',
    incidentId: props.incidentId ? String(props.incidentId) : (null as string | null),
  }));
  const { form, submit, formError } = useContractForm({
    method: 'calls.create',
    initialValues,
    toInput: (v) => ({ ...v, at: v.at ?? '', incidentId: v.incidentId ? Number(v.incidentId) : null }),
  });
  const f = form.values;
  const dirty = f.party !== '' || f.gist !== '' || f.number !== '';
  const save = submit(async (input) => {
    await write('calls.create', input);
    props.onDone();
  });
  const cancel = () => void confirmDiscard(dirty).then((yes) => yes && props.onCancel());

  useFormKeys({ onSave: () => save(), onCancel: cancel, firstField: 'call-party' });

  return (
    <form noValidate data-testid="call-form" onSubmit={save}>
      <Stack gap="sm">
        {formError && <Alert color="red">{formError}</Alert>}
        <SimpleGrid cols={2}>
          <DateTimeField
            label={t('call.at')}
            required
            value={f.at}
            onChange={(v) => form.setFieldValue('at', v)}
            error={form.errors.at as string | undefined}
            testId="call-at"
          />
          <Stack gap={4}>
            <SegmentedControl
              mt={24}
              aria-label={t('call.direction')}
              {...form.getInputProps('direction')}
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
            {...form.getInputProps('party')}
            data-testid="call-party"
          />
          <TextInput label={t('call.number')} {...form.getInputProps('number')} data-testid="call-number" />
        </SimpleGrid>
        <Textarea
          label={t('call.gist')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('gist')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              save();
            }
          }}
          description={t('call.gistHint')}
          data-testid="call-gist"
        />
        <Select
          label={t('call.incident')}
          placeholder={t('call.standalone')}
          clearable
          searchable
          data={(open.data?.items ?? []).map((i) => ({ value: String(i.id), label: `${i.number} ${i.title}` }))}
          {...form.getInputProps('incidentId')}
          data-testid="call-incident"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="call-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
