import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '@contract';
import { CallCard } from './CallCard';
import { CallForm } from './CallForm';

export function CallsPanel({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="xs">
      <Group>
        <Button size="xs" variant="light" onClick={() => setAdding(true)}>
          {t('call.add')}
        </Button>
      </Group>
      {detail.calls.length === 0 && <Text c="dimmed">{t('call.none')}</Text>}
      {detail.calls.map((c) => (
        <Paper key={c.id} withBorder p="xs">
          <CallCard call={c} />
        </Paper>
      ))}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('call.title')} size="lg" closeOnEscape={false}>
        <CallForm incidentId={detail.incident.id} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}
