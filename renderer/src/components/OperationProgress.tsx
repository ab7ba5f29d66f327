import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../hooks/useQuery';

/** Long operations the core reports through `app.progress`, and the words for each. */
const LABELS = { 'export.log': 'progress.exportLog', 'audit.verify': 'progress.verify' } as const;

/**
 * A bar for a long operation (a year's log export, verifying the record) while it runs: without it the
 * officer sees only a spinning button for tens of seconds and cannot tell work from a hang. The core
 * answers `app.progress` between slices of the work, so asking four times a second follows it (a local call, cheap).
 */
export function OperationProgress({ kind, active }: { kind: keyof typeof LABELS; active: boolean }) {
  const { t, i18n } = useTranslation();
  const ops = useQuery('app.progress', active ? {} : null, { refetchIntervalMs: 250 }).data;
  if (!active) return null;
  const op = ops?.find((o) => o.kind === kind);
  const n = (x: number) => x.toLocaleString(i18n.language);
  // The bar shows from the click: until the core's first numbers arrive (and while verify learns its
  // total phase by phase) it only says that work is under way.
  const known = !!op && op.total > 0;
  const percent = op && known ? Math.floor((op.done / op.total) * 100) : 100;
  const label =
    op && known ? t(LABELS[kind], { done: n(op.done), total: n(op.total), percent }) : t('progress.starting');
  return (
    <Stack gap={4} data-testid="operation-progress">
      <Progress value={percent} striped animated={!known || percent < 100} aria-label={label} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
