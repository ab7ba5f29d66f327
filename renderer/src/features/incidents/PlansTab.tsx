import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../hooks/useQuery';
import { ActivatePlanButton, ChecklistPanel } from '../plans';

/** The incident's plan responses: activate one, and work each checklist in place (writes refresh them). */
export function PlansTab({ incidentId, voided }: { incidentId: number; voided: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery('activations.forIncident', { incidentId });
  return (
    <Stack gap="sm">
      {!voided && <ActivatePlanButton incidentId={incidentId} />}
      {data && data.length === 0 && <Text c="dimmed">{t('incident.noActivations')}</Text>}
      {(data ?? []).map((a) => (
        <ChecklistPanel key={a.id} activationId={a.id} />
      ))}
    </Stack>
  );
}
