import { Alert, Badge, Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DailyIssue, Distribution, SensitiveIncident } from '@contract';
import { DateField } from '../../components/DateField';

export interface DailyState {
  /** shift: the duty shift starting on `date` (08:30–08:30 by the roster); day: the calendar day. */
  mode: 'shift' | 'day';
  date: string;
  distribution: Distribution;
  /** Sensitive incidents the issuer chose to carry in an issue with a 发 line. */
  includeSensitive: number[];
}

export function DailyOptions(props: {
  value: DailyState;
  onChange: (v: DailyState) => void;
  issue: DailyIssue | null;
  issued: boolean;
  sensitive: SensitiveIncident[];
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const line = (k: keyof Distribution) => (
    <TextInput
      label={t(`reports.distribution.${k}`)}
      value={value.distribution[k]}
      disabled={props.issued}
      onChange={(e) => onChange({ ...value, distribution: { ...value.distribution, [k]: e.currentTarget.value } })}
      data-testid={`distribution-${k}`}
    />
  );
  const downward = value.distribution.fa.trim() !== '';
  const toggle = (id: number, on: boolean) =>
    onChange({
      ...value,
      includeSensitive: on ? [...value.includeSensitive, id] : value.includeSensitive.filter((x) => x !== id),
    });
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={value.mode}
        onChange={(m) => onChange({ ...value, mode: m as DailyState['mode'] })}
        data={[
          { value: 'shift', label: t('reports.period.shift') },
          { value: 'day', label: t('reports.period.day') },
        ]}
        data-testid="daily-mode"
      />
      <DateField
        label={t(value.mode === 'shift' ? 'reports.shiftDate' : 'reports.date')}
        description={value.mode === 'shift' ? t('reports.shiftHint') : undefined}
        required
        value={value.date}
        onChange={(e) => onChange({ ...value, date: e.currentTarget.value })}
        data-testid="daily-date"
      />
      {props.issue && (
        <Group gap="xs">
          <Badge variant="light" color={props.issue.assigned ? 'gray' : 'blue'} data-testid="issue-number">
            {t('reports.issue', { year: props.issue.year, seq: props.issue.seq })}
          </Badge>
          <Badge variant="outline" color={props.issued ? 'green' : 'gray'}>
            {t(props.issued ? 'reports.issuedBadge' : 'reports.issueNext')}
          </Badge>
        </Group>
      )}
      {props.issued && (
        <Text size="sm" c="dimmed" data-testid="issued-hint">
          {t('reports.issuedHint')}
        </Text>
      )}
      {line('bao')}
      {line('song')}
      {line('fa')}
      {props.sensitive.length > 0 && (
        <Alert color="yellow" title={t('reports.sensitiveTitle')} data-testid="sensitive-incidents">
          <Stack gap={6}>
            <Text size="sm">{t(downward ? 'reports.sensitiveDownward' : 'reports.sensitiveCarried')}</Text>
            {downward &&
              props.sensitive.map((s) => (
                <Checkbox
                  key={s.id}
                  label={`${s.number} ${s.title}`}
                  checked={value.includeSensitive.includes(s.id)}
                  disabled={props.issued}
                  onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                />
              ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
