import { SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@contract';

/** 设置 → 公文: 专报 number prefix, the sensitive marking, default distribution lines of 值班信息, 专报 抄送. */
export function DocumentSettingsFields({ form }: { form: UseFormReturnType<Settings> }) {
  const { t } = useTranslation();
  const dist = (k: keyof Settings['distribution']) => (
    <TextInput
      label={t(`reports.distribution.${k}`)}
      {...form.getInputProps(`distribution.${k}`)}
      data-testid={`settings-distribution-${k}`}
    />
  );
  return (
    <Stack gap="sm">
      <Title order={4}>{t('settings.documents.title')}</Title>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('settings.documents.numberPrefix')}
          description={t('settings.documents.numberPrefixHint', { prefix: form.values.documentNumberPrefix })}
          {...form.getInputProps('documentNumberPrefix')}
          data-testid="settings-documentNumberPrefix"
        />
        <TextInput
          label={t('settings.documents.sensitiveMarking')}
          description={t('settings.documents.sensitiveMarkingHint')}
          required
          {...form.getInputProps('sensitiveMarking')}
          data-testid="settings-sensitiveMarking"
        />
      </SimpleGrid>
      {dist('bao')}
      {dist('song')}
      {dist('fa')}
      <TextInput
        label={t('settings.documents.specialCc')}
        {...form.getInputProps('specialCc')}
        data-testid="settings-specialCc"
      />
    </Stack>
  );
}
