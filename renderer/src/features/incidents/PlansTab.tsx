import { Badge, Button, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../hooks/useQuery';
import { ActivatePlanButton, ChecklistPanel, levelLabel } from '../plans';

/**
 * The incident's plan responses. The detail pane is too narrow for a checklist's countdowns and notes,
 * so each response is a one-line summary whose checklist opens in a wide drawer over the log, worked
 * in place there (writes refresh both); a plan just activated opens its checklist at once.
 */
export function PlansTab({ incidentId, voided }: { incidentId: number; voided: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery('activations.forIncident', { incidentId });
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Stack gap="sm">
      {!voided && <ActivatePlanButton incidentId={incidentId} onActivated={(a) => setOpen(a.id)} />}
      {data && data.length === 0 && <Text c="dimmed">{t('incident.noActivations')}</Text>}
      {(data ?? []).map((a) => {
        const done = a.items.filter((i) => i.done || i.notApplicable).length;
        return (
          <Paper key={a.id} withBorder p="xs" data-testid={`activation-${a.id}`}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap={6} wrap="nowrap">
                <Badge color="red" variant="filled">
                  {levelLabel(t, a.level)}
                </Badge>
                <Text fw={600}>{a.planName}</Text>
                <Badge color={a.status === 'terminated' ? 'gray' : 'green'} variant="light">
                  {t(a.status === 'terminated' ? 'plans.checklist.terminated' : 'plans.checklist.active')}
                </Badge>
                <Text size="sm" c="dimmed">
                  {t('incident.checklistDone', { done, total: a.items.length })}
                </Text>
              </Group>
              <Button size="xs" variant="light" onClick={() => setOpen(a.id)} data-testid={`open-checklist-${a.id}`}>
                {t('incident.openChecklist')}
              </Button>
            </Group>
          </Paper>
        );
      })}
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="min(1100px, 85%)"
        title={t('incident.checklistTitle')}
        data-testid="checklist-drawer"
      >
        {open !== null && <ChecklistPanel activationId={open} />}
      </Drawer>
    </Stack>
  );
}
