import { Badge, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DailyIssue, Distribution } from '@contract';

export interface DailyState {
  date: string;
  distribution: Distribution;
}

export function DailyOptions(props: {
  value: DailyState;
  onChange: (v: DailyState) => void;
  issue: DailyIssue | null;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const line = (k: keyof Distribution) => (
    <TextInput
      label={t(`reports.distribution.${k}`)}
      value={value.distribution[k]}
      onChange={(e) => onChange({ ...value, distribution: { ...value.distribution, [k]: e.currentTarget.value } })}
      data-testid={`distribution-${k}`}
    />
  );
  return (
    <Stack gap="sm">
      <TextInput
        type="date"
        label={t('reports.date')}
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
          <Badge variant="outline" color="gray">
            {t(props.issue.assigned ? 'reports.issueAssigned' : 'reports.issueNext')}
          </Badge>
        </Group>
      )}
      {line('bao')}
      {line('song')}
      {line('fa')}
    </Stack>
  );
}
