import { Alert, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_LEVELS, type DeadlineRuleSet } from '@contract';
import { call } from '../../api/client';
import { useDataEvents } from '../../app/data-events';
import { actorName, formatTime } from '../../components/time-format';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useQuery } from '../../hooks/useQuery';

const FIELDS = ['phoneMinutes', 'writtenMinutes', 'followupMinutes'] as const;

/** Reporting deadlines per level: a versioned setting that cites its source; each change is logged. */
export function DeadlineRulesPanel() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { changed } = useDataEvents();
  const { data } = useQuery('deadlines.rules', {});
  const errors = useApiErrors();
  const [draft, setDraft] = useState<DeadlineRuleSet | null>(null);

  useEffect(() => {
    if (data) setDraft({ source: data.source, rules: data.rules });
  }, [data]);
  if (!data || !draft) return null;
  const dirty = JSON.stringify(draft) !== JSON.stringify({ source: data.source, rules: data.rules });

  async function save() {
    errors.clear();
    try {
      await call('deadlines.updateRules', draft!);
      changed();
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (e) {
      errors.show(e);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="deadline-rules">
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
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
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
                      value={draft.rules[level][f]}
                      error={errors.fieldErrors[`rules.${level}.${f}`]}
                      onChange={(v) =>
                        setDraft({
                          ...draft,
                          rules: { ...draft.rules, [level]: { ...draft.rules[level], [f]: Number(v) || 0 } },
                        })
                      }
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
          value={draft.source}
          onChange={(e) => setDraft({ ...draft, source: e.currentTarget.value })}
          error={errors.fieldErrors.source}
        />
        <Group>
          <Button disabled={!dirty} onClick={() => void save()}>
            {t('rules.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
