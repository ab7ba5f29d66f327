import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PLAN_LEVELS,
  type Activation,
  type Incident,
  type IncidentListItem,
  type PlanLevel,
  type PlanSummary,
} from '@contract';
import { planFit } from '@domain';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
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
  const { onActivated } = props;
  const { t } = useTranslation();
  const { settings } = useSettings();
  const errors = useApiErrors();
  const [opened, setOpened] = useState(false);
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [incident, setIncident] = useState<Incident | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [level, setLevel] = useState<PlanLevel>('IV');
  const [orderedBy, setOrderedBy] = useState('');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [chosenIncident, setChosenIncident] = useState<string | null>(null);
  const [openIncidents, setOpenIncidents] = useState<IncidentListItem[]>([]);
  const { show, clear } = errors;
  const incidentId = props.incidentId ?? (chosenIncident ? Number(chosenIncident) : null);

  useEffect(() => {
    if (opened && props.incidentId === undefined)
      call('incidents.list', { status: 'open', limit: 200 }).then((p) => setOpenIncidents(p.items), show);
  }, [opened, props.incidentId, show]);

  useEffect(() => {
    if (!opened || incidentId === null) return;
    clear();
    Promise.all([call('plans.list', {}), call('incidents.get', { id: incidentId })]).then(([list, detail]) => {
      const inc = detail.incident;
      const ranked = [...list].sort(
        (a, b) => planFit(b, inc.category, inc.subtype) - planFit(a, inc.category, inc.subtype),
      );
      setPlans(ranked);
      setIncident(inc);
      setLevel(LEVEL_FOR[inc.level]);
      setPlanId(ranked[0] && planFit(ranked[0], inc.category, inc.subtype) > 0 ? String(ranked[0].id) : null);
    }, show);
  }, [opened, incidentId, show, clear]);

  async function submit() {
    setBusy(true);
    clear();
    try {
      const a = await call('activations.start', {
        incidentId: incidentId ?? 0,
        planId: Number(planId),
        level,
        orderedBy,
        at: localToIso(at, settings.timeZone),
        note,
      });
      notifications.show({
        color: 'green',
        message: t('plans.activate.done', { plan: a.planName, level: levelLabel(t, a.level) }),
      });
      setOpened(false);
      onActivated?.(a);
    } catch (e) {
      show(e);
    } finally {
      setBusy(false);
    }
  }

  const fits = (p: PlanSummary) => (incident ? planFit(p, incident.category, incident.subtype) > 0 : false);
  const option = (p: PlanSummary) => ({ value: String(p.id), label: p.name });
  const data = [
    { group: t('plans.activate.suggested'), items: plans.filter(fits).map(option) },
    { group: t('plans.tabLibrary'), items: plans.filter((p) => !fits(p)).map(option) },
  ].filter((g) => g.items.length > 0);

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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            {errors.formError && <Alert color="red">{errors.formError}</Alert>}
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
            {incident && (
              <Text size="sm" c="dimmed">
                {incident.number} {incident.title} · {incident.subtype}
              </Text>
            )}
            <Select
              label={t('plans.activate.plan')}
              required
              data={data}
              value={planId}
              onChange={setPlanId}
              error={errors.fieldErrors.planId}
              searchable
              data-testid="activate-plan-select"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('plans.activate.level')}{' '}
                <Text span size="xs" c="dimmed">
                  {t('plans.levelHint')}
                </Text>
              </Text>
              <SegmentedControl
                value={level}
                onChange={(v) => setLevel(v as PlanLevel)}
                data={PLAN_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))}
                data-testid="activate-level"
              />
            </Stack>
            <Group grow align="flex-start">
              <TextInput
                label={t('plans.activate.orderedBy')}
                required
                value={orderedBy}
                onChange={(e) => setOrderedBy(e.currentTarget.value)}
                error={errors.fieldErrors.orderedBy}
                data-testid="activate-orderedBy"
              />
              <TextInput
                label={t('plans.activate.at')}
                description={t('plans.activate.atHint')}
                value={at}
                onChange={(e) => setAt(e.currentTarget.value)}
                error={errors.fieldErrors.at}
                data-testid="activate-at"
              />
            </Group>
            <Textarea
              label={t('plans.activate.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.fieldErrors.note}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                loading={busy}
                disabled={!planId || incidentId === null}
                data-testid="activate-submit"
              >
                {t('plans.activate.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
