import { SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@contract';

/** 设置 → 公文: 专报 number prefix, the sensitive marking, default distribution lines of 值班信息, 专报 抄送. */
export function DocumentSettingsFields(props: {
  draft: Settings;
  set: <K extends keyof Settings>(key: K, value: Settings[K]) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const { draft, set, errors } = props;
  const dist = (k: keyof Settings['distribution']) => (
    <TextInput
      label={t(`reports.distribution.${k}`)}
      value={draft.distribution[k]}
      onChange={(e) => set('distribution', { ...draft.distribution, [k]: e.currentTarget.value })}
      error={errors[`distribution.${k}`]}
      data-testid={`settings-distribution-${k}`}
    />
  );
  return (
    <Stack gap="sm">
      <Title order={4}>{t('settings.documents.title')}</Title>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('settings.documents.numberPrefix')}
          description={t('settings.documents.numberPrefixHint', { prefix: draft.documentNumberPrefix })}
          value={draft.documentNumberPrefix}
          onChange={(e) => set('documentNumberPrefix', e.currentTarget.value)}
          error={errors.documentNumberPrefix}
          data-testid="settings-documentNumberPrefix"
        />
        <TextInput
          label={t('settings.documents.sensitiveMarking')}
          description={t('settings.documents.sensitiveMarkingHint')}
          required
          value={draft.sensitiveMarking}
          onChange={(e) => set('sensitiveMarking', e.currentTarget.value)}
          error={errors.sensitiveMarking}
          data-testid="settings-sensitiveMarking"
        />
      </SimpleGrid>
      {dist('bao')}
      {dist('song')}
      {dist('fa')}
      <TextInput
        label={t('settings.documents.specialCc')}
        value={draft.specialCc}
        onChange={(e) => set('specialCc', e.currentTarget.value)}
        error={errors.specialCc}
        data-testid="settings-specialCc"
      />
    </Stack>
  );
}
