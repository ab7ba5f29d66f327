import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASUALTY_FIELDS, type IncidentDetail as Detail } from '@contract';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useSettings } from '../../app/settings-context';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { formatTime } from '../../components/time-format';
import { useContractForm } from '../../hooks/useContractForm';
import { useNow } from '../../hooks/useNow';
import { useQuery } from '../../hooks/useQuery';
import { IncidentForm } from './IncidentForm';
import { LevelBadge } from './LevelBadge';
import { ReportsPanel } from './ReportsPanel';
import { ClockNote } from './GradeSuggestion';
import { Timeline } from './Timeline';
import { InstructionsPanel } from './InstructionsPanel';
import { CallsPanel } from './CallsPanel';
import { HistoryPanel } from './HistoryPanel';
import { PlansTab } from './PlansTab';

export function IncidentDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data, error } = useQuery('incidents.get', { id });
  if (error) return <Alert color="red">{t('errors.not_found')}</Alert>;
  if (!data) return <Text c="dimmed">{t('app.loading')}</Text>;
  return <DetailView detail={data} />;
}

function DetailView({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const now = useNow();
  const [amending, setAmending] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const inc = detail.incident;
  const voided = inc.status === 'voided';

  return (
    <Stack gap="sm" h="100%" data-testid="incident-detail">
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={3} td={voided ? 'line-through' : undefined} data-testid="detail-title">
                {inc.title}
              </Title>
              <LevelBadge level={inc.level} />
              <Badge
                variant="light"
                color={voided ? 'gray' : inc.status === 'open' ? 'blue' : 'gray'}
                style={{ textTransform: 'none' }}
              >
                {t(`incident.status.${inc.status}`)}
              </Badge>
              {inc.sensitive && <Badge color="grape">{t('incident.field.sensitive')}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              {inc.number} · {t('incident.field.receivedAt')} {formatTime(inc.receivedAt, settings.timeZone)} ·{' '}
              {t(`category.${inc.category}`)}
              {inc.subtype ? ` / ${t(`subtype.${inc.subtype}`, { defaultValue: inc.subtype })}` : ''} · {inc.place}
              {inc.district ? t('common.inParens', { v: inc.district }) : ''}
            </Text>
          </Stack>
          {!voided && (
            <Group gap="xs" wrap="nowrap">
              <Button variant="default" size="xs" onClick={() => setAmending(true)} data-testid="incident-amend">
                {t('incident.amend')}
              </Button>
              <Button variant="subtle" color="red" size="xs" onClick={() => setVoiding(true)}>
                {t('incident.void')}
              </Button>
            </Group>
          )}
        </Group>
        {voided && (
          <Alert color="gray" mt="xs">
            {t('incident.voidedBecause', { reason: inc.voidReason })}
          </Alert>
        )}
        <Group gap={6} mt="xs" data-testid="detail-deadlines">
          {detail.deadlines.map((d) => (
            <DeadlineBadge key={d.kind} deadline={d} now={now} />
          ))}
        </Group>
        {!voided && <ClockNote level={inc.level} sensitive={inc.sensitive} />}
        <SimpleGrid cols={7} mt="xs" spacing={4}>
          {CASUALTY_FIELDS.map((k) => (
            <Text key={k} size="sm">
              {t(`incident.casualty.${k}`)} <b>{inc.casualties[k]}</b>
            </Text>
          ))}
          <Text size="sm">
            {t('incident.lossShort')}{' '}
            <b>{inc.economicLoss ?? (inc.lossVerifying ? t('incident.lossVerifying') : '—')}</b>
          </Text>
        </SimpleGrid>
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {inc.summary}
        </Text>
        {inc.measures && (
          <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
            {t('common.labelled', { label: t('incident.field.measures'), value: inc.measures })}
          </Text>
        )}
      </Paper>
      <Tabs
        defaultValue="timeline"
        keepMounted={false}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      >
        <Tabs.List>
          <Tabs.Tab value="timeline">{t('incident.tab.timeline')}</Tabs.Tab>
          <Tabs.Tab value="reports" data-testid="tab-reports">
            {t('incident.tab.reports')} ({detail.reports.length})
          </Tabs.Tab>
          <Tabs.Tab value="instructions" data-testid="tab-instructions">
            {t('incident.tab.instructions')} ({detail.instructions.length})
          </Tabs.Tab>
          <Tabs.Tab value="calls" data-testid="tab-calls">
            {t('incident.tab.calls')} ({detail.calls.length})
          </Tabs.Tab>
          <Tabs.Tab value="plans" data-testid="tab-plans">
            {t('incident.tab.plans')}
          </Tabs.Tab>
          <Tabs.Tab value="history">{t('incident.tab.history')}</Tabs.Tab>
        </Tabs.List>
        <ScrollArea style={{ flex: 1 }} pt="sm">
          <Tabs.Panel value="timeline">
            <Timeline entries={detail.timeline} />
          </Tabs.Panel>
          <Tabs.Panel value="reports">
            <ReportsPanel detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="instructions">
            <InstructionsPanel detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="calls">
            <CallsPanel detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="plans">
            <PlansTab incidentId={inc.id} voided={voided} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <HistoryPanel versions={detail.versions} />
          </Tabs.Panel>
        </ScrollArea>
      </Tabs>
      <Modal
        opened={amending}
        onClose={() => setAmending(false)}
        title={t('incident.amendTitle', { number: inc.number })}
        size="xl"
        closeOnEscape={false}
      >
        <IncidentForm incident={inc} onDone={() => setAmending(false)} onCancel={() => setAmending(false)} />
      </Modal>
      <VoidDialog opened={voiding} onClose={() => setVoiding(false)} id={inc.id} version={inc.version} />
    </Stack>
  );
}

function VoidDialog({
  opened,
  onClose,
  id,
  version,
}: {
  opened: boolean;
  onClose(): void;
  id: number;
  version: number;
}) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const { form, submit, formError } = useContractForm({
    method: 'incidents.void',
    initialValues: { reason: '' },
    toInput: ({ reason }) => ({ id, expectedVersion: version, reason }),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('incident.voidTitle')}>
      <form
        noValidate
        onSubmit={submit(async (input) => {
          await write('incidents.void', input);
          onClose();
        })}
      >
        <Stack>
          <Text size="sm">{t('incident.voidHint')}</Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <Textarea
            label={t('incident.voidReason')}
            required
            data-autofocus
            {...form.getInputProps('reason')}
            data-testid="void-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" type="submit" loading={form.submitting} data-testid="void-confirm">
              {t('incident.void')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
