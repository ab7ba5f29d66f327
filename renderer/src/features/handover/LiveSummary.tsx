import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverDeadline, HandoverLive } from '@contract';
import { useSettings } from '../../app/settings-context';
import { lookOf } from '../../components/state-look';
import { formatInstant } from '../roster/format';

function Section(props: { title: string; available: boolean; count: number; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid={props.testId}>
      <Text fw={600} size="sm">
        {props.title}
      </Text>
      {!props.available ? (
        <Text size="sm" c="dimmed">
          {t('handover.sourceMissing')}
        </Text>
      ) : props.count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('handover.noneOpen')}
        </Text>
      ) : (
        props.children
      )}
    </Stack>
  );
}

/** The part of the handover the app drafts from live data (frozen with the first signature). */
export function LiveSummary({ live }: { live: HandoverLive }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const time = (iso: string) => formatInstant(iso, settings.timeZone, i18n.language);
  const deadline = (d: HandoverDeadline) => (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{t(`handover.deadlineKind.${d.kind}`)}</Text>
      <Text size="sm" c={lookOf(d.state).text} fw={lookOf(d.state).bold ? 700 : undefined}>
        {time(d.dueAt)} {t(`handover.deadlineState.${d.state}`)}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="flex-end">
          <Text size="xs" c="dimmed">
            {t('handover.generatedAt', { time: time(live.generatedAt) })}
          </Text>
        </Group>
        <Section
          title={t('handover.openIncidents')}
          available={live.sources.incidents}
          count={live.incidents.length}
          testId="live-incidents"
        >
          <List size="sm" spacing={4}>
            {live.incidents.map((i) => (
              <List.Item key={i.id}>
                <Group gap={6} wrap="nowrap">
                  <Badge variant="light">{t(`handover.level.${i.level}`, { defaultValue: i.level })}</Badge>
                  <Text size="sm" fw={600}>
                    {i.number} {i.title}
                  </Text>
                  {i.nextDeadline && deadline(i.nextDeadline)}
                </Group>
              </List.Item>
            ))}
          </List>
        </Section>
        <Section
          title={t('handover.reportsDue')}
          available={live.sources.incidents}
          count={live.deadlines.length}
          testId="live-deadlines"
        >
          <List size="sm" spacing={4}>
            {live.deadlines.map((d) => (
              <List.Item key={`${d.incidentId}-${d.kind}-${d.dueAt}`}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{d.incidentNumber}</Text>
                  {deadline(d)}
                </Group>
              </List.Item>
            ))}
          </List>
        </Section>
        <Section
          title={t('handover.responses')}
          available={live.sources.plans}
          count={live.responses.length}
          testId="live-responses"
        >
          <List size="sm" spacing={4}>
            {live.responses.map((r) => (
              <List.Item key={r.activationId}>
                <Text size="sm">
                  {r.planName} · {t(`handover.level.${r.level}`, { defaultValue: r.level })} · {time(r.activatedAt)}
                </Text>
                {r.overdueItems.map((o) => (
                  <Text key={o.itemId} size="sm" c="red.7">
                    {t('handover.overdueItems')}: {o.action} ({time(o.dueAt)})
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
        </Section>
        <Section
          title={t('handover.instructions')}
          available={live.sources.incidents}
          count={live.instructions.length}
          testId="live-instructions"
        >
          <List size="sm" spacing={4}>
            {live.instructions.map((i) => (
              <List.Item key={i.id}>
                <Text size="sm">
                  {t('common.labelled', {
                    label: `${i.leader}${t('common.inParens', { v: time(i.givenAt) })}`,
                    value: i.text,
                  })}
                </Text>
                {(i.actions ?? []).map((a, n) => (
                  <Text key={n} size="xs" c="dimmed" data-testid="live-instruction-action">
                    {time(a.at)} · {t(`instruction.action.${a.kind}`)} {a.party} {a.text}
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
        </Section>
      </Stack>
    </Paper>
  );
}
