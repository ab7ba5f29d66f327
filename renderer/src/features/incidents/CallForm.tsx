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
import { call } from '../../api/client';
import { useDataEvents } from '../../app/data-events';
import { useSettings } from '../../app/settings-context';
import { DateTimeField } from '../../components/DateTimeField';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useFormKeys } from '../../hooks/useFormKeys';
import { useQuery } from '../../hooks/useQuery';

/**
 * The quick call-log form (Ctrl+L from anywhere): time defaults to now, Enter saves. An outgoing call
 * tied to an incident may be marked 电话报告: the call is then the incident's phone report (one act),
 * and the party defaults to where reports go up (`reportRecipient`: the incident's, or Settings').
 */
export function CallForm(props: {
  incidentId?: number | null;
  /** Open as the phone report of the incident, to this recipient. */
  phoneReportTo?: string;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { changed } = useDataEvents();
  const errors = useApiErrors();
  const open = useQuery('incidents.list', { status: 'open', limit: 50 });
  const [f, setF] = useState(() => ({
    at: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString() as string | null,
    direction: (props.phoneReportTo !== undefined ? 'out' : 'in') as 'in' | 'out',
    party: props.phoneReportTo ?? '',
    number: '',
    gist: '',
    incidentId: props.incidentId ?? null,
    phoneReport: props.phoneReportTo !== undefined,
  }));
  const canBePhoneReport = f.direction === 'out' && f.incidentId !== null;
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
      await call('calls.create', { ...f, at: f.at ?? '', phoneReport: canBePhoneReport && f.phoneReport });
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
        {canBePhoneReport && (
          <Checkbox
            label={t('call.phoneReport')}
            description={t('call.phoneReportHint')}
            checked={f.phoneReport}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setF({ ...f, phoneReport: on, party: on && !f.party ? settings.reportRecipient : f.party });
            }}
            error={fe.phoneReport ?? fe.direction ?? fe.incidentId}
            data-testid="call-phone-report"
          />
        )}
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
