import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, LEVELS, SUBTYPES, type Incident } from '@contract';
import { initialLevel, NO_INVOLVED_UNIT, suggestLevelFor } from '@domain';
import { call } from '../../api/client';
import { useDataEvents } from '../../app/data-events';
import { DateTimeField } from '../../components/DateTimeField';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useFormKeys } from '../../hooks/useFormKeys';
import { FigureFields } from './FigureFields';
import { GradeSuggestion } from './GradeSuggestion';
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
  const { changed } = useDataEvents();
  const [original] = useState<FormFacts>(() => (incident ? factsFromIncident(incident) : emptyFacts(new Date())));
  const [f, setF] = useState<FormFacts>(original);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [badFigures, setBadFigures] = useState<string[]>([]);
  const errors = useApiErrors();
  const fe = errors.fieldErrors;
  const dirty = JSON.stringify(f) !== JSON.stringify(original);

  const set = <K extends keyof FormFacts>(k: K, v: FormFacts[K]) => setF((p) => ({ ...p, [k]: v }));
  const suggestion = suggestLevelFor(f);
  // A new incident left 未定级 starts at a suggested 较大 or above; an amendment keeps what is chosen.
  const effectiveLevel = incident ? f.level : initialLevel(f);

  async function submit() {
    // A figure box holding something that is not a count keeps its error on screen; nothing is sent.
    if (badFigures.length) return;
    setSaving(true);
    errors.clear();
    try {
      const saved = incident
        ? await call('incidents.amend', {
            id: incident.id,
            expectedVersion: incident.version,
            reason,
            changes: changedFacts(original, f) as never,
          })
        : await call('incidents.create', f as never);
      changed();
      onDone(saved);
    } catch (e) {
      errors.show(e);
    } finally {
      setSaving(false);
    }
  }

  function cancel() {
    if (!dirty || window.confirm(t('form.discardConfirm'))) onCancel();
  }
  useFormKeys({ onSave: () => void submit(), onCancel: cancel, firstField: 'incident-title' });

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
      value={f[k]}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={fe[k]}
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
      value={f[k]}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={fe[k]}
      description={f[k].length > max * 0.8 ? t('form.charCount', { n: f[k].length, max }) : undefined}
      data-testid={`incident-${k}`}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="incident-form"
    >
      <Stack gap="sm">
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
        {text('title', true)}
        <SimpleGrid cols={2}>
          <DateTimeField
            label={t('incident.field.occurredAt')}
            required
            value={f.occurredAt}
            onChange={(v) => set('occurredAt', v)}
            error={fe.occurredAt}
            testId="incident-occurredAt"
          />
          <DateTimeField
            label={t('incident.field.receivedAt')}
            required
            value={f.receivedAt}
            onChange={(v) => set('receivedAt', v)}
            error={fe.receivedAt}
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
          <TextInput
            label={t('incident.field.involvedUnit')}
            value={f.involvedUnit}
            onChange={(e) => set('involvedUnit', e.currentTarget.value)}
            error={fe.involvedUnit}
            data-testid="incident-involvedUnit"
            rightSectionWidth={72}
            rightSection={
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => set('involvedUnit', NO_INVOLVED_UNIT)}
                data-testid="incident-involvedUnit-none"
              >
                {t('incident.noInvolvedUnit')}
              </Button>
            }
          />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <Select
            label={t('incident.field.category')}
            required
            data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            value={f.category}
            onChange={(v) => v && set('category', v as FormFacts['category'])}
            allowDeselect={false}
            error={fe.category}
            data-testid="incident-category"
          />
          <Autocomplete
            label={t('incident.field.subtype')}
            data={[...SUBTYPES[f.category]]}
            value={f.subtype}
            onChange={(v) => set('subtype', v)}
            error={fe.subtype}
            data-testid="incident-subtype"
          />
          <Stack gap={2}>
            <Select
              label={t('incident.field.level')}
              required
              data={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              value={f.level}
              onChange={(v) => v && set('level', v as FormFacts['level'])}
              allowDeselect={false}
              error={fe.level}
              data-testid="incident-level"
            />
            <GradeSuggestion
              suggestion={suggestion}
              chosen={f.level}
              effective={effectiveLevel}
              sensitive={f.sensitive}
            />
          </Stack>
        </SimpleGrid>
        <FigureFields
          value={f}
          onChange={(v) => setF((p) => ({ ...p, ...v }))}
          onInvalid={setBadFigures}
          serverErrors={fe}
        />
        <Checkbox
          label={t('incident.field.sensitive')}
          checked={f.sensitive}
          onChange={(e) => set('sensitive', e.currentTarget.checked)}
        />
        {long('summary', 5000, true)}
        {long('measures', 5000)}
        {long('cause', 2000)}
        {text('leadersNotified')}
        {incident && (
          <TextInput
            label={t('incident.amendReason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fe.reason}
            data-testid="incident-reason"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="incident-save">
            {incident ? t('incident.saveAmendment') : t('incident.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
