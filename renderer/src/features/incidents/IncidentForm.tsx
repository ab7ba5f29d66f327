import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASUALTY_FIELDS, CATEGORIES, LEVELS, SUBTYPES, type Incident, type MethodInput } from '@contract';
import { suggestLevel } from '@domain';
import { confirmDiscard } from '../../components/confirm';
import { DateTimeField } from '../../components/DateTimeField';
import { useContractForm } from '../../hooks/useContractForm';
import { useFormKeys } from '../../hooks/useFormKeys';
import { useMutationCall } from '../../hooks/useMutationCall';
import { changedFacts, emptyFacts, factsFromIncident, type FormFacts } from './incident-form-state';

interface Props {
  /** Amend this incident; create a new one when absent. */
  incident?: Incident;
  onDone(incident: Incident): void;
  onCancel(): void;
}

/** Create or amend an incident. Errors show under their fields; nothing typed is lost on failure. */
export function IncidentForm({ incident, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const [original] = useState<FormFacts>(() => (incident ? factsFromIncident(incident) : emptyFacts(new Date())));
  type Values = FormFacts & { reason: string };
  // A new incident is checked against incidents.create, an amendment against incidents.amend (whose
  // issues are under `changes.`, shown on the field itself).
  const { form, submit, formError } = useContractForm({
    method: (incident ? 'incidents.amend' : 'incidents.create') as 'incidents.create',
    initialValues: { ...original, reason: '' } as Values,
    toInput: ({ reason, ...facts }) =>
      (incident
        ? {
            id: incident.id,
            expectedVersion: incident.version,
            reason,
            changes: changedFacts(original, facts),
          }
        : facts) as unknown as MethodInput<'incidents.create'>,
    fieldOf: (path) => path.replace(/^changes\./, ''),
  });
  const f = form.values;
  const set = <K extends keyof Values>(k: K, v: Values[K]) => form.setFieldValue(k, v as never);
  const suggestion = suggestLevel({
    category: f.category,
    deaths: f.casualties.deaths,
    seriouslyInjured: f.casualties.seriouslyInjured,
    economicLoss: f.economicLoss,
  });

  const save = submit(async (input) => {
    const saved = incident
      ? await write('incidents.amend', input as unknown as MethodInput<'incidents.amend'>)
      : await write('incidents.create', input);
    onDone(saved);
  });

  function cancel() {
    void confirmDiscard(form.isDirty()).then((yes) => yes && onCancel());
  }
  useFormKeys({ onSave: () => save(), onCancel: cancel, firstField: 'incident-title' });

  const text = (
    k:
      | 'title'
      | 'sourceUnit'
      | 'sourcePerson'
      | 'sourcePhone'
      | 'involvedUnit'
      | 'place'
      | 'district'
      | 'leadersNotified',
    required = false,
  ) => (
    <TextInput
      label={t(`incident.field.${k}`)}
      required={required}
      {...form.getInputProps(k)}
      data-testid={`incident-${k}`}
    />
  );
  const long = (k: 'summary' | 'cause' | 'measures', max: number, required = false) => (
    <Textarea
      label={t(`incident.field.${k}`)}
      required={required}
      autosize
      minRows={2}
      maxRows={10}
      {...form.getInputProps(k)}
      description={f[k].length > max * 0.8 ? t('form.charCount', { n: f[k].length, max }) : undefined}
      data-testid={`incident-${k}`}
    />
  );

  return (
    <form noValidate onSubmit={save} data-testid="incident-form">
      <Stack gap="sm">
        {formError && <Alert color="red">{formError}</Alert>}
        {text('title', true)}
        <SimpleGrid cols={2}>
          <DateTimeField
            label={t('incident.field.occurredAt')}
            required
            value={f.occurredAt}
            onChange={(v) => set('occurredAt', v)}
            error={form.errors.occurredAt as string | undefined}
            testId="incident-occurredAt"
          />
          <DateTimeField
            label={t('incident.field.receivedAt')}
            required
            value={f.receivedAt}
            onChange={(v) => set('receivedAt', v)}
            error={form.errors.receivedAt as string | undefined}
            testId="incident-receivedAt"
          />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          {text('sourceUnit')}
          {text('sourcePerson')}
          {text('sourcePhone')}
        </SimpleGrid>
        <SimpleGrid cols={3}>
          {text('place', true)}
          {text('district')}
          {text('involvedUnit')}
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <Select
            label={t('incident.field.category')}
            required
            data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            {...form.getInputProps('category')}
            onChange={(v) => v && set('category', v as FormFacts['category'])}
            allowDeselect={false}
            data-testid="incident-category"
          />
          <Autocomplete
            label={t('incident.field.subtype')}
            data={[...SUBTYPES[f.category]]}
            {...form.getInputProps('subtype')}
            data-testid="incident-subtype"
          />
          <Stack gap={2}>
            <Select
              label={t('incident.field.level')}
              required
              data={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              {...form.getInputProps('level')}
              onChange={(v) => v && set('level', v as FormFacts['level'])}
              allowDeselect={false}
              data-testid="incident-level"
            />
            {suggestion && (
              <Text size="xs" c={suggestion.level === f.level ? 'dimmed' : 'orange.8'} data-testid="grade-suggestion">
                {t('incident.suggestion', {
                  reason:
                    suggestion.reasons.map((r) => t(`incident.gradeReason.${r.field}`, { n: r.value })).join('，') ||
                    t('incident.gradeReason.none'),
                  level: t(`level.${suggestion.level}`),
                })}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        <SimpleGrid cols={7} spacing="xs">
          {CASUALTY_FIELDS.map((k) => (
            <NumberInput
              key={k}
              label={t(`incident.casualty.${k}`)}
              min={0}
              allowDecimal={false}
              {...form.getInputProps(`casualties.${k}`)}
              onChange={(v) => form.setFieldValue(`casualties.${k}`, typeof v === 'number' ? v : Number(v) || 0)}
              data-testid={`incident-casualty-${k}`}
            />
          ))}
          <NumberInput
            label={t('incident.field.economicLoss')}
            min={0}
            {...form.getInputProps('economicLoss')}
            value={f.economicLoss ?? ''}
            onChange={(v) => set('economicLoss', v === '' ? null : Number(v))}
            data-testid="incident-economicLoss"
          />
        </SimpleGrid>
        <Checkbox label={t('incident.field.sensitive')} {...form.getInputProps('sensitive', { type: 'checkbox' })} />
        {long('summary', 5000, true)}
        {long('measures', 5000)}
        {long('cause', 2000)}
        {text('leadersNotified')}
        {incident && (
          <TextInput
            label={t('incident.amendReason')}
            required
            {...form.getInputProps('reason')}
            data-testid="incident-reason"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="incident-save">
            {incident ? t('incident.saveAmendment') : t('incident.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
