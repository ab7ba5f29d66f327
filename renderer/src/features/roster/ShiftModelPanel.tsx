import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { toast } from '../../components/toast';
import { useTranslation } from 'react-i18next';
import type { RosterConfig } from '@contract';
import { useSettings } from '../../app/settings-context';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { DateField } from '../../components/DateField';
import { ShiftModelFields } from './ShiftModelFields';

/** 24-hour shift with a handover time, or day/night; holidays with reinforced staffing. */
export function ShiftModelPanel() {
  const { data } = useQuery('roster.config', {});
  // The saved config comes back from the core: a new key starts the form from it.
  return data ? <ShiftModelForm key={JSON.stringify(data)} saved={data} /> : null;
}

function ShiftModelForm({ saved }: { saved: RosterConfig }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const write = useMutationCall();
  const { form, submit, formError } = useContractForm({ method: 'roster.saveConfig', initialValues: saved });
  const config = form.values;
  const m = config.shiftModel;

  return (
    <Paper withBorder p="md" maw={720}>
      <form
        noValidate
        onSubmit={submit(async (input) => {
          await write('roster.saveConfig', input);
          toast({ color: 'green', message: t('common.saved') });
        })}
      >
        <Stack>
          <Title order={4}>{t('shiftModel.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('shiftModel.zoneHint', { zone: settings.timeZone })}
          </Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <ShiftModelFields
            value={m}
            onChange={(model) => form.setFieldValue('shiftModel', model)}
            errorOf={(field) => form.errors[`shiftModel.${field}`]}
          />
          <Text size="sm" fw={500}>
            {t('shiftModel.holidays')}
          </Text>
          {form.errors.holidays && (
            <Text size="sm" c="red.7">
              {form.errors.holidays}
            </Text>
          )}
          {config.holidays.map((_, i) => (
            <Group key={i} align="flex-end">
              <DateField label={t('shiftModel.holidayDate')} {...form.getInputProps(`holidays.${i}.date`)} />
              <TextInput label={t('shiftModel.holidayName')} {...form.getInputProps(`holidays.${i}.name`)} />
              <Checkbox
                label={t('shiftModel.holidayReinforced')}
                {...form.getInputProps(`holidays.${i}.reinforced`, { type: 'checkbox' })}
                mb={8}
              />
              <Button variant="subtle" color="red" onClick={() => form.removeListItem('holidays', i)}>
                {t('shiftModel.remove')}
              </Button>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => form.insertListItem('holidays', { date: '', name: '', reinforced: true })}
            >
              {t('shiftModel.addHoliday')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="shift-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
