import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
  Paper,
  Code,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, VerifyResult } from '@contract';
import { formatTime } from '../../components/time-format';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { confirmDiscard } from '../../components/confirm';
import { toast } from '../../components/toast';
import { ShiftModelPanel } from '../roster/ShiftModelPanel';
import { DeadlineRulesPanel } from '../incidents/DeadlineRulesPanel';
import { ReportingSettingsPanel } from '../incidents/ReportingSettingsPanel';
import { DocumentSettingsFields } from '../documents/DocumentSettingsFields';
import { OperationProgress } from '../../components/OperationProgress';
import { SharedDatabasePanel } from './SharedDatabasePanel';

const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC'];

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <Stack maw={720} gap="lg">
      <Title order={2}>{t('settings.title')}</Title>
      {/* Saved settings come back from the core: a new key starts the form from them. */}
      <GeneralForm key={JSON.stringify(settings)} settings={settings} />
      <DeadlineRulesPanel />
      <ReportingSettingsPanel />
      <ShiftModelPanel />
      <IntegrityPanel />
      <SharedDatabasePanel />
    </Stack>
  );
}

function GeneralForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { update } = useSettings();
  const { form, submit, formError } = useContractForm({ method: 'settings.update', initialValues: settings });
  const dirty = form.isDirty();

  return (
    <Paper withBorder p="md">
      {/* Esc from any field inside discards the edits (asking first); the form is not a target itself. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        noValidate
        onKeyDown={(e) => {
          if (e.key === 'Escape' && dirty) void confirmDiscard(true).then((yes) => yes && form.reset());
        }}
        onSubmit={submit(async (draft) => {
          await update(draft);
          toast({ color: 'green', message: t('common.saved') });
        })}
      >
        <Stack>
          <Title order={4}>{t('settings.general')}</Title>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput
            label={t('settings.dutyRoomName')}
            required
            {...form.getInputProps('dutyRoomName')}
            data-testid="settings-dutyRoomName"
          />
          <TextInput label={t('settings.issuingOffice')} required {...form.getInputProps('issuingOffice')} />
          <TagsInput
            label={t('settings.districts')}
            description={t('settings.districtsHint')}
            {...form.getInputProps('districts')}
            splitChars={[',', '，', '、', ' ']}
          />
          <Select
            label={t('settings.timeZone')}
            description={t('settings.timeZoneHint')}
            data={ZONES.includes(form.values.timeZone) ? ZONES : [form.values.timeZone, ...ZONES]}
            {...form.getInputProps('timeZone')}
            allowDeselect={false}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="settings-language">
              {t('settings.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="settings-language"
              {...form.getInputProps('language')}
              data={[
                { value: 'zh-CN', label: t('language.zh-CN') },
                { value: 'en', label: t('language.en') },
              ]}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="settings-colorScheme">
              {t('settings.colorScheme')}
            </Text>
            <SegmentedControl
              aria-labelledby="settings-colorScheme"
              {...form.getInputProps('colorScheme')}
              data={[
                { value: 'auto', label: t('settings.colorAuto') },
                { value: 'light', label: t('settings.colorLight') },
                { value: 'dark', label: t('settings.colorDark') },
              ]}
            />
          </Stack>
          <NumberInput label={t('settings.backupKeep')} {...form.getInputProps('backupKeep')} allowDecimal={false} />
          <TextInput
            label={t('settings.backupDir')}
            description={t('settings.backupDirHint')}
            placeholder={t('settings.backupDirDefault')}
            {...form.getInputProps('backupDir')}
            data-testid="settings-backup-dir"
          />
          <DocumentSettingsFields form={form} />
          <Group>
            <Button type="submit" loading={form.submitting} disabled={!dirty} data-testid="settings-save">
              {t('common.save')}
            </Button>
            <Button variant="default" disabled={!dirty} onClick={() => form.reset()}>
              {t('common.reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function IntegrityPanel() {
  const { t } = useTranslation();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const { settings } = useSettings();
  const info = useQuery('app.info', {}).data;
  // A backup is a write: the list (and so the last backup shown) is read again after it.
  const lastBackup = useQuery('backup.list', {}).data?.[0] ?? null;
  const write = useMutationCall();
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();

  async function verify() {
    setBusy(true);
    try {
      // Verifying reads the chain and changes nothing: a plain call, no invalidation.
      setResult(await call('audit.verify', {}));
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

  const p = result?.firstProblem;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('settings.integrity')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings.integrityHint')}
        </Text>
        {info && (
          <Text size="sm">
            {t('settings.appVersion')}: {info.appVersion} · {t('settings.schemaVersion')}: {info.schemaVersion} ·{' '}
            {t('settings.dataFile')}: <Code>{info.dataFile}</Code>
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={() => void verify()} loading={busy} data-testid="verify-audit">
            {t('settings.verify')}
          </Button>
          <Button
            variant="default"
            data-testid="backup-now"
            onClick={() =>
              write('backup.now', {}).then((b) => {
                toast({ color: 'green', message: t('settings.backupDone', { file: b.file }) });
              }, errors.show)
            }
          >
            {t('settings.backupNow')}
          </Button>
        </Group>
        <OperationProgress kind="audit.verify" active={busy} />
        {lastBackup && (
          <Text size="sm" c="dimmed" data-testid="last-backup">
            {t('settings.lastBackup', { at: formatTime(lastBackup.at, settings.timeZone), file: lastBackup.file })}
          </Text>
        )}
        {result && result.ok && (
          <Alert color="green" data-testid="verify-result">
            {t('settings.verifyOk', { entries: result.entries, id: result.head?.id ?? 0 })}
          </Alert>
        )}
        {result && !result.ok && p && (
          <Alert color="red" data-testid="verify-result">
            {t('settings.verifyBroken', {
              entry: p.entryId ?? '—',
              kind: t(`problem.${p.kind}`),
              where: p.table ? ` ${p.table}:${p.rowId}` : '',
              problems: result.problems,
            })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
