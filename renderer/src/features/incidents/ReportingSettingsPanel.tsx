import { Button, Group, Paper, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';

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
  const errors = useApiErrors();
  const [recipient, setRecipient] = useState(settings.reportRecipient);
  const [subtypes, setSubtypes] = useState(settings.shortWindowSubtypes);
  const dirty =
    recipient !== settings.reportRecipient || JSON.stringify(subtypes) !== JSON.stringify(settings.shortWindowSubtypes);

  async function save() {
    errors.clear();
    try {
      await update({ reportRecipient: recipient, shortWindowSubtypes: subtypes });
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (e) {
      errors.show(e);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="reporting-settings">
      <Stack gap="sm">
        <Title order={4}>{t('reportingSettings.title')}</Title>
        <TextInput
          label={t('reportingSettings.recipient')}
          description={t('reportingSettings.recipientHint')}
          value={recipient}
          onChange={(e) => setRecipient(e.currentTarget.value)}
          error={errors.fieldErrors.reportRecipient}
        />
        <TagsInput
          label={t('reportingSettings.shortWindow')}
          description={t('reportingSettings.shortWindowHint')}
          value={subtypes}
          onChange={setSubtypes}
          error={errors.fieldErrors.shortWindowSubtypes}
          data-testid="short-window-subtypes"
        />
        <Text size="xs" c="dimmed">
          {t('reportingSettings.windowRule')}
        </Text>
        <Group>
          <Button disabled={!dirty} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
