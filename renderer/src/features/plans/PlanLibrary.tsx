import { Alert, Badge, Button, FileButton, Grid, Group, List, NavLink, Stack, Switch, Text } from '@mantine/core';
import { IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { toast } from '../../components/toast';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '@contract';
import { ApiError, call, saveFile } from '../../api/client';
import { fieldIssueText } from '../../i18n';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { PlanEditor } from './PlanEditor';

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Plan list (master) beside the editor (detail), with import and export. */
export function PlanLibrary() {
  const { t } = useTranslation();
  const errors = useApiErrors();
  const [showRetired, setShowRetired] = useState(false);
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const [importError, setImportError] = useState<ApiErrorShape | null>(null);
  const { show } = errors;

  const write = useMutationCall();
  const plans = useQuery('plans.list', { includeRetired: showRetired }).data ?? [];

  async function importFile(file: File | null) {
    if (!file) return;
    setImportError(null);
    try {
      const imported = await write('plans.import', { text: await file.text() });
      toast({ color: 'green', message: t('plans.imported', { count: imported.length }) });
    } catch (e) {
      if (e instanceof ApiError && e.shape.code === 'plan.import_invalid') setImportError(e.shape);
      else show(e);
    }
  }

  async function exportAll() {
    try {
      const file = await call('plans.export', {});
      if (await saveFile(file.fileName, toBase64(file.text), 'application/json'))
        toast({ color: 'green', message: t('plans.exported', { file: file.fileName }) });
    } catch (e) {
      show(e);
    }
  }

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="xs">
          <Group gap="xs">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setSelected('new')} data-testid="plan-new">
              {t('plans.new')}
            </Button>
            <FileButton onChange={(f) => void importFile(f)} accept="application/json,.json">
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconUpload size={16} />} data-testid="plan-import">
                  {t('plans.import')}
                </Button>
              )}
            </FileButton>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportAll()}>
              {t('plans.export')}
            </Button>
          </Group>
          <Switch
            label={t('plans.showRetired')}
            checked={showRetired}
            onChange={(e) => setShowRetired(e.currentTarget.checked)}
          />
          {importError && (
            <Alert
              color="red"
              title={t('plans.importTitle')}
              withCloseButton
              onClose={() => setImportError(null)}
              data-testid="import-error"
            >
              <List size="sm">
                {(importError.issues ?? []).slice(0, 10).map((i, n) => (
                  <List.Item key={n}>
                    {t('plans.importIssue', {
                      line: i.params?.line ?? '?',
                      field: i.path || '—',
                      message: fieldIssueText(i),
                    })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {plans.length === 0 && <Text c="dimmed">{t('plans.noPlans')}</Text>}
          {plans.map((p) => (
            <NavLink
              key={p.id}
              active={selected === p.id}
              onClick={() => setSelected(p.id)}
              label={
                <Group gap={6}>
                  <Text fw={600} td={p.status === 'retired' ? 'line-through' : undefined}>
                    {p.name}
                  </Text>
                  {p.status === 'retired' && <Badge color="gray">{t('plans.retired')}</Badge>}
                </Group>
              }
              description={`${t('plans.version', { version: p.version })} · ${p.subtypes.join('、')}`}
              data-testid={`plan-${p.id}`}
            />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {selected !== null && (
          <PlanEditor
            key={String(selected)}
            planId={selected === 'new' ? null : selected}
            onSaved={(p) => setSelected(p.id)}
          />
        )}
      </Grid.Col>
    </Grid>
  );
}
