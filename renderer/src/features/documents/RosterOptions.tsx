import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useExport } from './useExport';

/** The month's roster for posting: one table, as Excel or Word. */
export function RosterOptions({ today }: { today: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(today.slice(0, 7));
  const { run, busy, errors } = useExport();
  // Exports are audited: a write like any other.
  const write = useMutationCall();
  const go = (format: 'xlsx' | 'docx') => run(format, () => write('exports.roster', { month, format }));
  return (
    <Stack gap="sm" maw={420}>
      <Text c="dimmed" size="sm">
        {t('reports.rosterHint')}
      </Text>
      <TextInput
        type="month"
        label={t('reports.month')}
        value={month}
        error={errors.fieldErrors.month}
        onChange={(e) => setMonth(e.currentTarget.value)}
        data-testid="roster-month"
      />
      <Group>
        <Button
          leftSection={<IconFileSpreadsheet size={18} />}
          loading={busy === 'xlsx'}
          disabled={busy !== null}
          onClick={() => void go('xlsx')}
          data-testid="export-roster-xlsx"
        >
          {t('reports.exportXlsx')}
        </Button>
        <Button
          leftSection={<IconFileTypeDocx size={18} />}
          loading={busy === 'docx'}
          disabled={busy !== null}
          onClick={() => void go('docx')}
          data-testid="export-roster-docx"
        >
          {t('reports.exportDocx')}
        </Button>
      </Group>
    </Stack>
  );
}
