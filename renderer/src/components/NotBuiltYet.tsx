import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Said plainly in both languages instead of fake data. */
export function NotBuiltYet({ areaLabel }: { areaLabel: string }) {
  const { t } = useTranslation();
  return (
    <Alert icon={<IconInfoCircle />} title={t('area.notBuiltTitle')} color="gray" maw={640} data-testid="not-built">
      {t('area.notBuiltBody', { area: areaLabel })}
    </Alert>
  );
}
