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
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, PLAN_LEVELS, SUBTYPES, type Category, type Plan, type PlanDoc, type PlanLevel } from '@contract';
import { call } from '../../api/client';
import { useApiErrors } from '../../hooks/useApiErrors';
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
  const { t } = useTranslation();
  const errors = useApiErrors();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [draft, setDraft] = useState<PlanDoc>(EMPTY);
  const [level, setLevel] = useState<PlanLevel>('IV');
  const [busy, setBusy] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const { show, clear } = errors;

  useEffect(() => {
    clear();
    if (planId === null) {
      setPlan(null);
      setDraft(EMPTY);
      return;
    }
    call('plans.get', { id: planId }).then((p) => {
      setPlan(p);
      setDraft(p.doc);
    }, show);
  }, [planId, show, clear]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(plan?.doc ?? EMPTY);
  const retired = plan?.status === 'retired';
  const set = <K extends keyof PlanDoc>(key: K, value: PlanDoc[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save() {
    setBusy(true);
    clear();
    try {
      const saved = await call('plans.save', { id: plan?.id, expectedVersion: plan?.version, doc: draft });
      setPlan(saved);
      setDraft(saved.doc);
      notifications.show({ color: 'green', message: t('plans.editor.saved', { version: saved.version }) });
      onSaved(saved);
    } catch (e) {
      show(e);
    } finally {
      setBusy(false);
    }
  }

  const levelHasError = (l: PlanLevel) => Object.keys(levelErrors(errors.fieldErrors, l)).length > 0;

  return (
    <Paper withBorder p="md" data-testid="plan-editor">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
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
              <Button type="submit" loading={busy} disabled={!dirty || retired} data-testid="plan-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
          {errors.formError && <Alert color="red">{errors.formError}</Alert>}
          {retired && plan?.retiredReason && <Alert color="gray">{plan.retiredReason}</Alert>}
          <TextInput
            label={t('plans.editor.name')}
            required
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.fieldErrors['doc.name']}
            data-testid="plan-name"
          />
          <Group grow align="flex-start">
            <MultiSelect
              label={t('plans.editor.categories')}
              data={CATEGORIES.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
              value={draft.categories}
              onChange={(v) => set('categories', v as Category[])}
              error={errors.fieldErrors['doc.categories']}
            />
            <TagsInput
              label={t('plans.editor.subtypes')}
              description={t('plans.editor.subtypesHint')}
              data={[...new Set(draft.categories.flatMap((c) => SUBTYPES[c]))]}
              value={draft.subtypes}
              onChange={(v) => set('subtypes', v)}
              error={errors.fieldErrors['doc.subtypes']}
            />
          </Group>
          <Textarea
            label={t('plans.editor.scope')}
            autosize
            minRows={2}
            maxRows={6}
            value={draft.scope}
            onChange={(e) => set('scope', e.currentTarget.value)}
            error={errors.fieldErrors['doc.scope']}
          />
          <Group justify="space-between">
            <SegmentedControl
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
          {errors.fieldErrors['doc.levels'] && (
            <Text c="red" size="sm">
              {errors.fieldErrors['doc.levels']}
            </Text>
          )}
          <Title order={5}>{t('plans.editor.itemsOf', { level: levelLabel(t, level) })}</Title>
          <ItemListEditor
            items={draft.levels[level]}
            errors={levelErrors(errors.fieldErrors, level)}
            onChange={(items) => set('levels', { ...draft.levels, [level]: items })}
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
          const p = await call('plans.retire', { id: plan!.id, reason: v.reason ?? '' });
          setPlan(p);
          onSaved(p);
        }}
      />
    </Paper>
  );
}
