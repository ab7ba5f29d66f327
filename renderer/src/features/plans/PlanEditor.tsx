import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { toast } from '../../components/toast';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, PLAN_LEVELS, SUBTYPES, type Category, type Plan, type PlanDoc, type PlanLevel } from '@contract';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { FieldsDialog } from './FieldsDialog';
import { levelLabel } from './format';
import { ItemListEditor } from './ItemListEditor';

const EMPTY: PlanDoc = {
  name: '',
  categories: [],
  subtypes: [],
  scope: '',
  levels: { I: [], II: [], III: [], IV: [] },
};

/** Errors under `doc.levels.<level>.` with that prefix cut, for the level's item list. */
function levelErrors(fieldErrors: Record<string, string>, level: PlanLevel): Record<string, string> {
  const prefix = `doc.levels.${level}.`;
  return Object.fromEntries(
    Object.entries(fieldErrors)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** Creates or edits a plan; every save that changes something is a new version. */
export function PlanEditor({ planId, onSaved }: { planId: number | null; onSaved(plan: Plan): void }) {
  const { data } = useQuery('plans.get', planId === null ? null : { id: planId });
  const plan = planId === null ? null : data && data.id === planId ? data : undefined;
  if (plan === undefined) return null;
  // Each stored version starts a fresh form: after a save the core's copy is what is shown.
  return <PlanForm key={plan ? `${plan.id}@${plan.version}` : 'new'} plan={plan} onSaved={onSaved} />;
}

function PlanForm({ plan, onSaved }: { plan: Plan | null; onSaved(plan: Plan): void }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const client = useQueryClient();
  const [level, setLevel] = useState<PlanLevel>('IV');
  const [retiring, setRetiring] = useState(false);
  const { form, submit, formError } = useContractForm({
    method: 'plans.save',
    initialValues: { doc: plan?.doc ?? EMPTY },
    toInput: (v) => ({ id: plan?.id, expectedVersion: plan?.version, doc: v.doc }),
  });
  const draft = form.values.doc;
  const dirty = form.isDirty();
  const retired = plan?.status === 'retired';
  const fieldErrors = form.errors as Record<string, string>;

  const levelHasError = (l: PlanLevel) => Object.keys(levelErrors(fieldErrors, l)).length > 0;

  return (
    <Paper withBorder p="md" data-testid="plan-editor">
      <form
        noValidate
        onSubmit={submit(async (input) => {
          const saved = await write('plans.save', input);
          // The new version is the answer itself: show it now rather than after the re-read.
          client.setQueryData(['plans.get', { id: saved.id }], saved);
          toast({ color: 'green', message: t('plans.editor.saved', { version: saved.version }) });
          onSaved(saved);
        })}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Group gap="xs">
              <Title order={3}>{plan ? t('plans.editor.title') : t('plans.editor.newTitle')}</Title>
              {plan && <Badge variant="light">{t('plans.version', { version: plan.version })}</Badge>}
              {retired && <Badge color="gray">{t('plans.retired')}</Badge>}
              {dirty && (
                <Text size="sm" c="yellow.8">
                  {t('plans.editor.unsaved')}
                </Text>
              )}
            </Group>
            <Group gap="xs">
              {plan && !retired && (
                <Button variant="default" color="red" onClick={() => setRetiring(true)} data-testid="plan-retire">
                  {t('plans.retire')}
                </Button>
              )}
              <Button type="submit" loading={form.submitting} disabled={!dirty || retired} data-testid="plan-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
          {formError && <Alert color="red">{formError}</Alert>}
          {retired && plan?.retiredReason && <Alert color="gray">{plan.retiredReason}</Alert>}
          <TextInput
            label={t('plans.editor.name')}
            required
            {...form.getInputProps('doc.name')}
            data-testid="plan-name"
          />
          <Group grow align="flex-start">
            <MultiSelect
              label={t('plans.editor.categories')}
              data={CATEGORIES.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
              {...form.getInputProps('doc.categories')}
              onChange={(v) => form.setFieldValue('doc.categories', v as Category[])}
            />
            <TagsInput
              label={t('plans.editor.subtypes')}
              description={t('plans.editor.subtypesHint')}
              data={[...new Set(draft.categories.flatMap((c) => SUBTYPES[c]))]}
              {...form.getInputProps('doc.subtypes')}
            />
          </Group>
          <Textarea
            label={t('plans.editor.scope')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('doc.scope')}
          />
          <Group justify="space-between">
            <SegmentedControl
              aria-label={t('plans.responseLevel')}
              value={level}
              onChange={(v) => setLevel(v as PlanLevel)}
              data={PLAN_LEVELS.map((l) => ({
                value: l,
                label: `${levelLabel(t, l)} (${draft.levels[l].length})${levelHasError(l) ? ' ⚠' : ''}`,
              }))}
              data-testid="editor-level"
            />
            {plan && (
              <Text size="xs" c="dimmed">
                {t('plans.editor.history', { versions: plan.versions.map((v) => v.version).join(', ') })}
              </Text>
            )}
          </Group>
          {fieldErrors['doc.levels'] && (
            <Text c="red" size="sm">
              {fieldErrors['doc.levels']}
            </Text>
          )}
          <Title order={5}>{t('plans.editor.itemsOf', { level: levelLabel(t, level) })}</Title>
          <ItemListEditor
            items={draft.levels[level]}
            errors={levelErrors(fieldErrors, level)}
            onChange={(items) => form.setFieldValue(`doc.levels.${level}`, items)}
          />
        </Stack>
      </form>
      <FieldsDialog
        opened={retiring}
        title={t('plans.retireTitle')}
        fields={[{ key: 'reason', label: t('plans.retireReason'), required: true, description: t('plans.retireHint') }]}
        submitLabel={t('plans.retire')}
        submitColor="red"
        onClose={() => setRetiring(false)}
        onSubmit={async (v) => {
          const retired = await write('plans.retire', { id: plan!.id, reason: v.reason ?? '' });
          client.setQueryData(['plans.get', { id: retired.id }], retired);
          onSaved(retired);
        }}
      />
    </Paper>
  );
}
