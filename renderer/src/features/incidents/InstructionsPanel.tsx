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
import { formatTime, minuteOf } from '../../components/time-format';
import { useContractForm } from '../../hooks/useContractForm';

/** 领导批示 with their transmission (传达) and feedback. */
export function InstructionsPanel({ detail }: { detail: IncidentDetail }) {
  return (
    <Stack gap="sm">
      {detail.instructions.map((i) => (
        <InstructionCard key={i.id} instruction={i} />
      ))}
      {detail.incident.status !== 'voided' && <AddInstruction incidentId={detail.incident.id} />}
    </Stack>
  );
}

/** The add-instruction form, checked by `instructions.create`'s own schema before it is sent. */
function AddInstruction({ incidentId }: { incidentId: number }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  // The clock is read once, when the form opens (a lazy initial state).
  const [initialValues] = useState(() => ({ leader: '', givenAt: minuteOf() as string | null, text: '' }));
  const { form, submit, formError } = useContractForm({
    method: 'instructions.create',
    initialValues,
    toInput: (v) => ({ incidentId, leader: v.leader, givenAt: v.givenAt ?? '', text: v.text }),
  });
  const save = submit(async (input) => {
    await write('instructions.create', input);
    form.setValues({ leader: '', givenAt: minuteOf(), text: '' });
  });
  return (
    <Paper withBorder p="xs" component="form" noValidate onSubmit={save} data-testid="instruction-form">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('instruction.add')}
        </Text>
        {formError && <Alert color="red">{formError}</Alert>}
        <SimpleGrid cols={2}>
          <TextInput
            label={t('instruction.leader')}
            required
            {...form.getInputProps('leader')}
            data-testid="instruction-leader"
          />
          <DateTimeField
            label={t('instruction.givenAt')}
            required
            value={form.values.givenAt}
            onChange={(v) => form.setFieldValue('givenAt', v)}
            error={form.errors.givenAt as string | undefined}
            testId="instruction-givenAt"
          />
        </SimpleGrid>
        <Textarea
          label={t('instruction.text')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('text')}
          data-testid="instruction-text"
        />
        <Group justify="flex-end">
          <Button size="xs" type="submit" loading={form.submitting} data-testid="instruction-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function InstructionCard({ instruction: i }: { instruction: Instruction }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
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
        <Text
          key={x.id}
          size="sm"
          c={x.kind === 'feedback' ? undefined : 'dimmed'}
          ml="md"
          data-testid={`instruction-action-${x.kind}`}
        >
          {formatTime(x.at, settings.timeZone)} · {t(`instruction.action.${x.kind}`)} {x.party} {x.text}
        </Text>
      ))}
      {i.status !== 'completed' && <ActionForm instructionId={i.id} />}
    </Paper>
  );
}

type ActionKind = Instruction['actions'][number]['kind'];

/** 传达 / 反馈 / 办结 on one instruction, checked by `instructions.addAction`'s schema (a relay names whom). */
function ActionForm({ instructionId }: { instructionId: number }) {
  const { t } = useTranslation();
  const write = useMutationCall();
  const { form, submit, formError } = useContractForm({
    method: 'instructions.addAction',
    initialValues: { kind: 'relay' as ActionKind, party: '', text: '' },
    // The action is stamped when it is saved, not when the card was opened.
    toInput: (v) => ({ instructionId, ...v, at: new Date().toISOString() }),
  });
  const save = submit(async (input) => {
    await write('instructions.addAction', input);
    form.setValues({ party: '', text: '' });
  });
  const partyLabel = t(form.values.kind === 'relay' ? 'instruction.relayTo' : 'instruction.party');
  return (
    <form noValidate onSubmit={save}>
      {formError && (
        <Alert color="red" mt={4}>
          {formError}
        </Alert>
      )}
      <Group gap="xs" mt={4} align="flex-start" wrap="nowrap">
        <Select
          size="xs"
          w={110}
          aria-label={t('instruction.actionKind')}
          data={INSTRUCTION_ACTIONS.map((k) => ({ value: k, label: t(`instruction.action.${k}`) }))}
          {...form.getInputProps('kind')}
          allowDeselect={false}
          data-testid="instruction-action-kind"
        />
        <TextInput
          size="xs"
          placeholder={partyLabel}
          aria-label={partyLabel}
          withAsterisk={form.values.kind === 'relay'}
          {...form.getInputProps('party')}
          data-testid="instruction-action-party"
        />
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          placeholder={t('instruction.actionText')}
          aria-label={t('instruction.actionText')}
          {...form.getInputProps('text')}
        />
        <Button size="xs" variant="light" type="submit" data-testid="instruction-action-save">
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}
