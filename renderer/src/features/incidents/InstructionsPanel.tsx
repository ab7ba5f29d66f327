import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUCTION_ACTIONS, type IncidentDetail, type Instruction } from '@contract';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useSettings } from '../../app/settings-context';
import { DateTimeField } from '../../components/DateTimeField';
import { formatTime } from '../../components/time-format';
import { useApiErrors } from '../../hooks/useApiErrors';

const nowMinute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();

/** 领导批示 with their transmission (传达) and feedback. */
export function InstructionsPanel({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const errors = useApiErrors();
  const [f, setF] = useState({ leader: '', givenAt: nowMinute() as string | null, text: '' });

  async function add() {
    errors.clear();
    try {
      await write('instructions.create', {
        incidentId: detail.incident.id,
        leader: f.leader,
        givenAt: f.givenAt ?? '',
        text: f.text,
      });
      setF({ leader: '', givenAt: nowMinute(), text: '' });
    } catch (e) {
      errors.show(e);
    }
  }

  return (
    <Stack gap="sm">
      {detail.instructions.map((i) => (
        <InstructionCard key={i.id} instruction={i} />
      ))}
      {detail.incident.status !== 'voided' && (
        <Paper withBorder p="xs">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('instruction.add')}
            </Text>
            {errors.formError && <Alert color="red">{errors.formError}</Alert>}
            <SimpleGrid cols={2}>
              <TextInput
                label={t('instruction.leader')}
                required
                value={f.leader}
                onChange={(e) => setF({ ...f, leader: e.currentTarget.value })}
                error={errors.fieldErrors.leader}
                data-testid="instruction-leader"
              />
              <DateTimeField
                label={t('instruction.givenAt')}
                required
                value={f.givenAt}
                onChange={(v) => setF({ ...f, givenAt: v })}
                error={errors.fieldErrors.givenAt}
              />
            </SimpleGrid>
            <Textarea
              label={t('instruction.text')}
              required
              autosize
              minRows={2}
              value={f.text}
              onChange={(e) => setF({ ...f, text: e.currentTarget.value })}
              error={errors.fieldErrors.text}
              data-testid="instruction-text"
            />
            <Group justify="flex-end">
              <Button size="xs" onClick={() => void add()} data-testid="instruction-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function InstructionCard({ instruction: i }: { instruction: Instruction }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const write = useMutationCall();
  const errors = useApiErrors();
  const [a, setA] = useState({ kind: 'relay' as Instruction['actions'][number]['kind'], party: '', text: '' });
  return (
    <Paper withBorder p="xs">
      <Group gap="xs">
        <Text fw={700}>{i.leader}</Text>
        <Text size="xs" c="dimmed">
          {formatTime(i.givenAt, settings.timeZone)}
        </Text>
        <Badge color={i.status === 'completed' ? 'gray' : 'orange'} variant="light">
          {t(`instruction.status.${i.status}`)}
        </Badge>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {i.text}
      </Text>
      {i.actions.map((x) => (
        <Text key={x.id} size="sm" c="dimmed" ml="md">
          {formatTime(x.at, settings.timeZone)} · {t(`instruction.action.${x.kind}`)} {x.party} {x.text}
        </Text>
      ))}
      {i.status !== 'completed' && (
        <Group gap="xs" mt={4} align="flex-end" wrap="nowrap">
          <Select
            size="xs"
            w={110}
            aria-label={t('instruction.actionKind')}
            data={INSTRUCTION_ACTIONS.map((k) => ({ value: k, label: t(`instruction.action.${k}`) }))}
            value={a.kind}
            onChange={(v) => v && setA({ ...a, kind: v as typeof a.kind })}
            allowDeselect={false}
          />
          <TextInput
            size="xs"
            placeholder={t('instruction.party')}
            aria-label={t('instruction.party')}
            value={a.party}
            onChange={(e) => setA({ ...a, party: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            placeholder={t('instruction.actionText')}
            aria-label={t('instruction.actionText')}
            value={a.text}
            onChange={(e) => setA({ ...a, text: e.currentTarget.value })}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              write('instructions.addAction', { instructionId: i.id, ...a, at: new Date().toISOString() }).then(() => {
                setA({ ...a, party: '', text: '' });
              }, errors.show)
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
