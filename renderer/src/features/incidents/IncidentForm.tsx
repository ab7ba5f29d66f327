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
import { CATEGORIES, LEVELS, SUBTYPES, type Incident, type MethodInput } from '@contract';
import { initialLevel, NO_INVOLVED_UNIT, suggestLevelFor } from '@domain';
import { confirmDiscard } from '../../components/confirm';
import { DateTimeField } from '../../components/DateTimeField';
import { useContractForm } from '../../hooks/useContractForm';
import { useFormKeys } from '../../hooks/useFormKeys';
import { useMutationCall } from '../../hooks/useMutationCall';
import { FigureFields } from './FigureFields';
import { GradeSuggestion } from './GradeSuggestion';
import { changedFacts, emptyFacts, factsFromIncident, type FormFacts } from './incident-form-state';
import { applyParsed, type IncidentDraft } from './incident-draft';
import { PasteBox } from './PasteBox';

interface Props {
  /** Amend this incident; create a new one when absent. */
  incident?: Incident;
  /** A new incident's known facts (立为事件 from a call) and the call to link. */
  draft?: IncidentDraft;
  onDone(incident: Incident): void;
  onCancel(): void;
}

/** Create or amend an incident. Errors show under their fields; nothing typed is lost on failure. */
export function IncidentForm({ incident, draft, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const [original] = useState<FormFacts>(() =>
    incident ? factsFromIncident(incident) : { ...emptyFacts(new Date()), ...draft?.facts },
  );
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
  const suggestion = suggestLevelFor(f);
  // A new incident left 未定级 starts at a suggested 较大 or above; an amendment keeps what is chosen.
  const effectiveLevel = incident ? f.level : initialLevel(f);
  // A figure box holding something that is not a count keeps its error on screen; nothing is sent.
  const [badFigures, setBadFigures] = useState<string[]>([]);

  const save = submit(async (input) => {
    if (badFigures.length) return;
    const saved = incident
      ? await write('incidents.amend', input as unknown as MethodInput<'incidents.amend'>)
      : draft?.callId
        ? // 立为事件: the incident and the link to its call in one write.
          await write('incidents.createFromCall', { ...input, callId: draft.callId })
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
        {!incident && (
          <PasteBox
            initial={draft?.paste}
            onParsed={(p, pasted) => {
              const { facts, filled } = applyParsed(form.getValues(), original, p, pasted);
              form.setValues(facts);
              // A figure box the message filled no longer holds the entry that was not a count.
              setBadFigures((b) =>
                b.filter((k) => !(filled as string[]).includes(k === 'economicLoss' ? k : `casualties.${k}`)),
              );
            }}
          />
        )}
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
          <TextInput
            label={t('incident.field.involvedUnit')}
            {...form.getInputProps('involvedUnit')}
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
          onChange={(v) => form.setValues(v)}
          onInvalid={setBadFigures}
          serverErrors={form.errors as Record<string, string | undefined>}
        />
        <Checkbox label={t('incident.field.sensitive')} {...form.getInputProps('sensitive', { type: 'checkbox' })} />
        {long('summary', 5000, true)}
        {long('measures', 5000)}
        {long('cause', 2000)}
        {text('leadersNotified')}
        {/* Kept in sight while the long form scrolls: an amendment's reason sits with the save button. */}
        <Group
          pos="sticky"
          bottom={0}
          py="xs"
          bg="var(--mantine-color-body)"
          align="flex-end"
          wrap="nowrap"
          style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-default-border)' }}
          data-testid="incident-form-footer"
        >
          {incident && (
            <TextInput
              style={{ flex: 1 }}
              label={t('incident.amendReason')}
              required
              {...form.getInputProps('reason')}
              data-testid="incident-reason"
            />
          )}
          <Group justify="flex-end" wrap="nowrap" ml="auto">
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="incident-save">
              {incident ? t('incident.saveAmendment') : t('incident.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
