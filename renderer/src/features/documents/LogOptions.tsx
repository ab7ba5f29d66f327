import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useExport } from './useExport';
import { DateField } from '../../components/DateField';
import { OperationProgress } from '../../components/OperationProgress';

/** The log is a table, not a page: no preview, just the period and the two formats. */
export function LogOptions({ today }: { today: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(today.slice(0, 8) + '01');
  const [to, setTo] = useState(today);
  const { run, busy, errors } = useExport();
  // Exports are audited: a write like any other.
  const write = useMutationCall();
  const go = (format: 'xlsx' | 'csv') => run(format, () => write('exports.log', { from, to, format }));
  return (
    <Stack gap="sm" maw={420}>
      <Text c="dimmed" size="sm">
        {t('reports.logHint')}
      </Text>
      <DateField
        label={t('reports.from')}
        value={from}
        error={errors.fieldErrors.from}
        onChange={(e) => setFrom(e.currentTarget.value)}
        data-testid="log-from"
      />
      <DateField
        label={t('reports.to')}
        value={to}
        error={errors.fieldErrors.to}
        onChange={(e) => setTo(e.currentTarget.value)}
        data-testid="log-to"
      />
      <Group>
        <Button
          leftSection={<IconFileSpreadsheet size={18} />}
          loading={busy === 'xlsx'}
          disabled={busy !== null}
          onClick={() => void go('xlsx')}
          data-testid="export-xlsx"
        >
          {t('reports.exportXlsx')}
        </Button>
        <Button
          leftSection={<IconFileTypeCsv size={18} />}
          loading={busy === 'csv'}
          disabled={busy !== null}
          onClick={() => void go('csv')}
          data-testid="export-csv"
        >
          {t('reports.exportCsv')}
        </Button>
      </Group>
      <OperationProgress kind="export.log" active={busy !== null} />
    </Stack>
  );
}
