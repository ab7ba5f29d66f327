import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { toast } from '../../components/toast';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LEVELS, type Activation, type Incident, type PlanLevel, type PlanSummary } from '@contract';
import { planFit } from '@domain';
import { useSettings } from '../../app/settings-context';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { levelLabel, localToIso } from './format';

/** Incident level → the response level offered first (the officer decides). */
const LEVEL_FOR: Record<Incident['level'], PlanLevel> = { I: 'I', II: 'II', III: 'III', IV: 'IV', unrated: 'IV' };

/**
 * "启动预案" for an incident: plans that fit its category/sub-type are offered first; records the
 * level, who ordered it and when.
 */
export function ActivatePlanButton(props: {
  /** Without one (the Plans area), the dialog first asks which open incident. */
  incidentId?: number;
  onActivated?(a: Activation): void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [chosenIncident, setChosenIncident] = useState<string | null>(null);
  const asking = opened && props.incidentId === undefined;
  const openIncidents = useQuery('incidents.list', asking ? { status: 'open', limit: 200 } : null).data?.items ?? [];
  const incidentId = props.incidentId ?? (chosenIncident ? Number(chosenIncident) : null);
  const ready = opened && incidentId !== null;
  const plans = useQuery('plans.list', ready ? {} : null).data;
  const detail = useQuery('incidents.get', ready ? { id: incidentId } : null).data;
  const incident = detail && detail.incident.id === incidentId ? detail.incident : null;

  return (
    <>
      <Button
        leftSection={<IconPlayerPlay size={16} />}
        color="red"
        onClick={() => setOpened(true)}
        data-testid="activate-plan"
      >
        {t('plans.activate.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('plans.activate.title')} size="lg">
        <Stack>
          {props.incidentId === undefined && (
            <Select
              label={t('plans.activate.incident')}
              required
              searchable
              data={openIncidents.map((i) => ({ value: String(i.id), label: `${i.number} ${i.title}` }))}
              value={chosenIncident}
              onChange={setChosenIncident}
              data-testid="activate-incident-select"
            />
          )}
          {opened && incident && plans && (
            <ActivateForm
              key={incident.id}
              incident={incident}
              plans={plans}
              onCancel={() => setOpened(false)}
              onActivated={(a) => {
                setOpened(false);
                props.onActivated?.(a);
              }}
            />
          )}
        </Stack>
      </Modal>
    </>
  );
}

function ActivateForm(props: {
  incident: Incident;
  plans: PlanSummary[];
  onCancel(): void;
  onActivated(a: Activation): void;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const write = useMutationCall();
  const inc = props.incident;
  const fits = (p: PlanSummary) => planFit(p, inc.category, inc.subtype) > 0;
  const ranked = [...props.plans].sort(
    (a, b) => planFit(b, inc.category, inc.subtype) - planFit(a, inc.category, inc.subtype),
  );
  const { form, submit, formError } = useContractForm({
    method: 'activations.start',
    initialValues: {
      planId: ranked[0] && fits(ranked[0]) ? String(ranked[0].id) : (null as string | null),
      level: LEVEL_FOR[inc.level],
      orderedBy: '',
      at: '',
      note: '',
    },
    toInput: (v) => ({
      incidentId: inc.id,
      planId: Number(v.planId),
      level: v.level,
      orderedBy: v.orderedBy,
      at: localToIso(v.at, settings.timeZone),
      note: v.note,
    }),
  });

  const option = (p: PlanSummary) => ({ value: String(p.id), label: p.name });
  const data = [
    { group: t('plans.activate.suggested'), items: ranked.filter(fits).map(option) },
    { group: t('plans.tabLibrary'), items: ranked.filter((p) => !fits(p)).map(option) },
  ].filter((g) => g.items.length > 0);

  return (
    <form
      noValidate
      onSubmit={submit(async (input) => {
        const a = await write('activations.start', input);
        toast({
          color: 'green',
          message: t('plans.activate.done', { plan: a.planName, level: levelLabel(t, a.level) }),
        });
        props.onActivated(a);
      })}
    >
      <Stack>
        {formError && <Alert color="red">{formError}</Alert>}
        <Text size="sm" c="dimmed">
          {inc.number} {inc.title} · {inc.subtype}
        </Text>
        <Select
          label={t('plans.activate.plan')}
          required
          data={data}
          searchable
          data-testid="activate-plan-select"
          {...form.getInputProps('planId')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="activate-level-label">
            {t('plans.activate.level')}{' '}
            <Text span size="xs" c="dimmed">
              {t('plans.levelHint')}
            </Text>
          </Text>
          <SegmentedControl
            aria-labelledby="activate-level-label"
            data={PLAN_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))}
            data-testid="activate-level"
            {...form.getInputProps('level')}
          />
        </Stack>
        <Group grow align="flex-start">
          <TextInput
            label={t('plans.activate.orderedBy')}
            required
            data-testid="activate-orderedBy"
            {...form.getInputProps('orderedBy')}
          />
          <TextInput
            label={t('plans.activate.at')}
            description={t('plans.activate.atHint')}
            data-testid="activate-at"
            {...form.getInputProps('at')}
          />
        </Group>
        <Textarea label={t('plans.activate.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={form.submitting}
            disabled={!form.values.planId}
            data-testid="activate-submit"
          >
            {t('plans.activate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
