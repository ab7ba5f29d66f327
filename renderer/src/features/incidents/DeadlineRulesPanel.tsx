import { Alert, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { toast } from '../../components/toast';
import { useTranslation } from 'react-i18next';
import { RULE_LEVELS, type MethodOutput } from '@contract';
import { actorName, formatTime } from '../../components/time-format';
import { useSettings } from '../../app/settings-context';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';

const FIELDS = ['phoneMinutes', 'writtenMinutes', 'followupMinutes'] as const;

/** Reporting deadlines per level: a versioned setting that cites its source; each change is logged. */
export function DeadlineRulesPanel() {
  const { data } = useQuery('deadlines.rules', {});
  // Each saved version starts the form afresh from what the core stored.
  return data ? <RulesForm key={data.version} data={data} /> : null;
}

function RulesForm({ data }: { data: MethodOutput<'deadlines.rules'> }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const write = useMutationCall();
  const { form, submit, formError } = useContractForm({
    method: 'deadlines.updateRules',
    initialValues: { source: data.source, rules: data.rules },
  });
  const dirty = form.isDirty();

  return (
    <Paper withBorder p="md" data-testid="deadline-rules">
      <form
        noValidate
        onSubmit={submit(async (input) => {
          await write('deadlines.updateRules', input);
          toast({ color: 'green', message: t('common.saved') });
        })}
      >
        <Stack>
          <Title order={4}>{t('rules.title')}</Title>
          <Text size="sm" c="dimmed">
            {data.version === 0
              ? t('rules.defaults')
              : t('rules.version', {
                  version: data.version,
                  at: formatTime(data.createdAt, settings.timeZone),
                  by: actorName(data.createdBy),
                })}
          </Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('incident.field.level')}</Table.Th>
                {FIELDS.map((f) => (
                  <Table.Th key={f}>{t(`rules.${f}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {RULE_LEVELS.map((level) => (
                <Table.Tr key={level}>
                  <Table.Td>{t(`level.${level}`)}</Table.Td>
                  {FIELDS.map((f) => (
                    <Table.Td key={f}>
                      <NumberInput
                        size="xs"
                        min={1}
                        allowDecimal={false}
                        {...form.getInputProps(`rules.${level}.${f}`)}
                        aria-label={`${t(`level.${level}`)} ${t(`rules.${f}`)}`}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <TextInput
            label={t('rules.source')}
            description={t('rules.sourceHint')}
            required
            {...form.getInputProps('source')}
          />
          <Group>
            <Button type="submit" disabled={!dirty} loading={form.submitting}>
              {t('rules.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
