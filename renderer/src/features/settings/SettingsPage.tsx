import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Paper,
  Code,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, BackupInfo, Settings, VerifyResult } from '@contract';
import { formatTime } from '../../components/time-format';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { notifications } from '@mantine/notifications';
import { ShiftModelPanel } from '../roster/ShiftModelPanel';
import { DeadlineRulesPanel } from '../incidents/DeadlineRulesPanel';

const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC'];

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [draft, setDraft] = useState<Settings>(settings);
  const [saving, setSaving] = useState(false);
  const errors = useApiErrors();
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings);

  useEffect(() => setDraft(settings), [settings]);

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save() {
    setSaving(true);
    errors.clear();
    try {
      await update(draft);
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (e) {
      errors.show(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack maw={720} gap="lg">
      <Title order={2}>{t('settings.title')}</Title>
      <Paper withBorder p="md">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && dirty) setDraft(settings);
          }}
        >
          <Stack>
            <Title order={4}>{t('settings.general')}</Title>
            {errors.formError && <Alert color="red">{errors.formError}</Alert>}
            <TextInput
              label={t('settings.dutyRoomName')}
              required
              value={draft.dutyRoomName}
              onChange={(e) => set('dutyRoomName', e.currentTarget.value)}
              error={errors.fieldErrors.dutyRoomName}
              data-testid="settings-dutyRoomName"
            />
            <TextInput
              label={t('settings.issuingOffice')}
              required
              value={draft.issuingOffice}
              onChange={(e) => set('issuingOffice', e.currentTarget.value)}
              error={errors.fieldErrors.issuingOffice}
            />
            <Select
              label={t('settings.timeZone')}
              description={t('settings.timeZoneHint')}
              data={ZONES.includes(draft.timeZone) ? ZONES : [draft.timeZone, ...ZONES]}
              value={draft.timeZone}
              onChange={(v) => v && set('timeZone', v)}
              error={errors.fieldErrors.timeZone}
              allowDeselect={false}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('settings.language')}
              </Text>
              <SegmentedControl
                value={draft.language}
                onChange={(v) => set('language', v as Settings['language'])}
                data={[
                  { value: 'zh-CN', label: t('language.zh-CN') },
                  { value: 'en', label: t('language.en') },
                ]}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('settings.colorScheme')}
              </Text>
              <SegmentedControl
                value={draft.colorScheme}
                onChange={(v) => set('colorScheme', v as Settings['colorScheme'])}
                data={[
                  { value: 'auto', label: t('settings.colorAuto') },
                  { value: 'light', label: t('settings.colorLight') },
                  { value: 'dark', label: t('settings.colorDark') },
                ]}
              />
            </Stack>
            <NumberInput
              label={t('settings.backupKeep')}
              value={draft.backupKeep}
              onChange={(v) => set('backupKeep', typeof v === 'number' ? v : Number(v))}
              allowDecimal={false}
              error={errors.fieldErrors.backupKeep}
            />
            <TextInput
              label={t('settings.backupDir')}
              description={t('settings.backupDirHint')}
              placeholder={t('settings.backupDirDefault')}
              value={draft.backupDir}
              onChange={(e) => set('backupDir', e.currentTarget.value)}
              error={errors.fieldErrors.backupDir}
              data-testid="settings-backup-dir"
            />
            <Group>
              <Button type="submit" loading={saving} disabled={!dirty} data-testid="settings-save">
                {t('common.save')}
              </Button>
              <Button variant="default" disabled={!dirty} onClick={() => setDraft(settings)}>
                {t('common.reset')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <DeadlineRulesPanel />
      <ShiftModelPanel />
      <IntegrityPanel />
    </Stack>
  );
}

function IntegrityPanel() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [lastBackup, setLastBackup] = useState<BackupInfo | null>(null);
  const { settings } = useSettings();

  useEffect(() => {
    call('backup.list', {}).then(
      (list) => setLastBackup(list[0] ?? null),
      () => {},
    );
  }, []);
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();

  useEffect(() => {
    call('app.info', {}).then(setInfo, errors.show);
  }, [errors.show]);

  async function verify() {
    setBusy(true);
    try {
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
              call('backup.now', {}).then((b) => {
                setLastBackup(b);
                notifications.show({ color: 'green', message: t('settings.backupDone', { file: b.file }) });
              }, errors.show)
            }
          >
            {t('settings.backupNow')}
          </Button>
        </Group>
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
