import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterConfig } from '@contract';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { notifyRosterChanged } from './roster-bus';

/** 24-hour shift with a handover time, or day/night; holidays with reinforced staffing. */
export function ShiftModelPanel() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [config, setConfig] = useState<RosterConfig | null>(null);
  const errors = useApiErrors();

  useEffect(() => {
    call('roster.config', {}).then(setConfig, errors.show);
  }, [errors.show]);

  if (!config) return null;
  const m = config.shiftModel;
  const setHoliday = (i: number, patch: Partial<RosterConfig['holidays'][number]>) =>
    setConfig({ ...config, holidays: config.holidays.map((h, k) => (k === i ? { ...h, ...patch } : h)) });

  async function save() {
    errors.clear();
    try {
      setConfig(await call('roster.saveConfig', config!));
      notifyRosterChanged();
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (e) {
      errors.show(e);
    }
  }

  return (
    <Paper withBorder p="md" maw={720}>
      <Stack>
        <Title order={4}>{t('shiftModel.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('shiftModel.zoneHint', { zone: settings.timeZone })}
        </Text>
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
        <SegmentedControl
          value={m.kind}
          onChange={(kind) =>
            setConfig({
              ...config,
              shiftModel:
                kind === '24h'
                  ? { kind: '24h', handoverTime: '08:30' }
                  : { kind: 'day_night', dayStart: '08:30', nightStart: '17:30' },
            })
          }
          data={[
            { value: '24h', label: t('shiftModel.kind24h') },
            { value: 'day_night', label: t('shiftModel.kindDayNight') },
          ]}
        />
        {m.kind === '24h' ? (
          <TextInput
            placeholder="08:30"
            maxLength={5}
            label={t('shiftModel.handoverTime')}
            value={m.handoverTime}
            onChange={(e) => setConfig({ ...config, shiftModel: { ...m, handoverTime: e.currentTarget.value } })}
            error={errors.fieldErrors['shiftModel.handoverTime']}
            data-testid="shift-handover-time"
          />
        ) : (
          <Group grow>
            <TextInput
              placeholder="08:30"
              maxLength={5}
              label={t('shiftModel.dayStart')}
              value={m.dayStart}
              onChange={(e) => setConfig({ ...config, shiftModel: { ...m, dayStart: e.currentTarget.value } })}
              error={errors.fieldErrors['shiftModel.dayStart']}
            />
            <TextInput
              placeholder="08:30"
              maxLength={5}
              label={t('shiftModel.nightStart')}
              value={m.nightStart}
              onChange={(e) => setConfig({ ...config, shiftModel: { ...m, nightStart: e.currentTarget.value } })}
              error={errors.fieldErrors['shiftModel.nightStart']}
            />
          </Group>
        )}
        <Text size="sm" fw={500}>
          {t('shiftModel.holidays')}
        </Text>
        {errors.fieldErrors.holidays && (
          <Text size="sm" c="red.7">
            {errors.fieldErrors.holidays}
          </Text>
        )}
        {config.holidays.map((h, i) => (
          <Group key={i} align="flex-end">
            <TextInput
              type="date"
              label={t('shiftModel.holidayDate')}
              value={h.date}
              onChange={(e) => setHoliday(i, { date: e.currentTarget.value })}
              error={errors.fieldErrors[`holidays.${i}.date`]}
            />
            <TextInput
              label={t('shiftModel.holidayName')}
              value={h.name}
              onChange={(e) => setHoliday(i, { name: e.currentTarget.value })}
              error={errors.fieldErrors[`holidays.${i}.name`]}
            />
            <Checkbox
              label={t('shiftModel.holidayReinforced')}
              checked={h.reinforced}
              onChange={(e) => setHoliday(i, { reinforced: e.currentTarget.checked })}
              mb={8}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => setConfig({ ...config, holidays: config.holidays.filter((_, k) => k !== i) })}
            >
              {t('shiftModel.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setConfig({ ...config, holidays: [...config.holidays, { date: '', name: '', reinforced: true }] })
            }
          >
            {t('shiftModel.addHoliday')}
          </Button>
          <Button onClick={() => void save()} data-testid="shift-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
