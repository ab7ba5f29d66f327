import {
  Alert,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context';
import { confirmDiscard } from '../../components/confirm';
import { DateTimeField } from '../../components/DateTimeField';
import { minuteOf } from '../../components/time-format';
import { useContractForm } from '../../hooks/useContractForm';
import { useFormKeys } from '../../hooks/useFormKeys';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import type { Call } from '@contract';

/**
 * The quick call-log form (Ctrl+L from anywhere): time defaults to now, Enter saves. An outgoing call
 * tied to an incident may be marked 电话报告: the call is then the incident's phone report (one act),
 * and the party defaults to where reports go up (`reportRecipient`: the incident's, or Settings').
 * A standalone call may be saved and made an incident at once (立为事件).
 */
export function CallForm(props: {
  incidentId?: number | null;
  /** Open as the phone report of the incident, to this recipient. */
  phoneReportTo?: string;
  onDone(): void;
  onCancel(): void;
  /** 立为事件: the call is saved and the incident form opens from it. */
  onMakeIncident?(c: Call): void;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const write = useMutationCall();
  const open = useQuery('incidents.list', { status: 'open', limit: 50 });
  // The clock is read once, when the form opens (a lazy initial state).
  const [initialValues] = useState(() => ({
    at: minuteOf() as string | null,
    direction: (props.phoneReportTo !== undefined ? 'out' : 'in') as 'in' | 'out',
    party: props.phoneReportTo ?? '',
    number: '',
    gist: '',
    incidentId: props.incidentId ? String(props.incidentId) : (null as string | null),
    phoneReport: props.phoneReportTo !== undefined,
  }));
  const { form, submit, formError } = useContractForm({
    method: 'calls.create',
    initialValues,
    toInput: (v) => ({
      ...v,
      at: v.at ?? '',
      incidentId: v.incidentId ? Number(v.incidentId) : null,
      phoneReport: v.direction === 'out' && v.incidentId !== null && v.phoneReport,
    }),
  });
  const f = form.values;
  const canBePhoneReport = f.direction === 'out' && f.incidentId !== null;
  const dirty = f.party !== '' || f.gist !== '' || f.number !== '';
  const saveThen = (makeIncident: boolean) =>
    submit(async (input) => {
      // 立为事件: the call stays standalone until the incident made from it takes it over.
      const saved = await write(
        'calls.create',
        makeIncident ? { ...input, incidentId: null, phoneReport: false } : input,
      );
      if (makeIncident && props.onMakeIncident) props.onMakeIncident(saved);
      else props.onDone();
    });
  const save = saveThen(false);
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
        {canBePhoneReport && (
          <Checkbox
            label={t('call.phoneReport')}
            description={t('call.phoneReportHint')}
            checked={f.phoneReport}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              form.setFieldValue('phoneReport', on);
              if (on && !f.party) form.setFieldValue('party', settings.reportRecipient);
            }}
            error={(form.errors.phoneReport ?? form.errors.direction ?? form.errors.incidentId) as string | undefined}
            data-testid="call-phone-report"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          {props.onMakeIncident && !f.incidentId && (
            <Button variant="light" onClick={() => saveThen(true)()} data-testid="call-save-incident">
              {t('call.saveAndMakeIncident')}
            </Button>
          )}
          <Button type="submit" loading={form.submitting} data-testid="call-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
