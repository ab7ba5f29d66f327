import { Alert, Button, Group, Paper, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { toast } from '../../components/toast';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context';
import { useContractForm } from '../../hooks/useContractForm';

/**
 * Where reports go up by default, and which sub-types count as road-traffic or fire accidents (their
 * 补报 window is 7 days from the occurrence, others 30: order 493 art. 13).
 */
export function ReportingSettingsPanel() {
  const { settings } = useSettings();
  // Saved settings come back from the core: a new key starts the panel from them.
  return <Panel key={JSON.stringify([settings.reportRecipient, settings.shortWindowSubtypes])} />;
}

function Panel() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const { form, submit, formError } = useContractForm({
    method: 'settings.update',
    initialValues: { reportRecipient: settings.reportRecipient, shortWindowSubtypes: settings.shortWindowSubtypes },
  });

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      onSubmit={submit(async (input) => {
        await update(input);
        toast({ color: 'green', message: t('common.saved') });
      })}
      data-testid="reporting-settings"
    >
      <Stack gap="sm">
        <Title order={4}>{t('reportingSettings.title')}</Title>
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput
          label={t('reportingSettings.recipient')}
          description={t('reportingSettings.recipientHint')}
          {...form.getInputProps('reportRecipient')}
        />
        <TagsInput
          label={t('reportingSettings.shortWindow')}
          description={t('reportingSettings.shortWindowHint')}
          {...form.getInputProps('shortWindowSubtypes')}
          data-testid="short-window-subtypes"
        />
        <Text size="xs" c="dimmed">
          {t('reportingSettings.windowRule')}
        </Text>
        <Group>
          <Button type="submit" disabled={!form.isDirty()} loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
