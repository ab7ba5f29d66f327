import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveResponses } from './ActiveResponses';
import { PlanLibrary } from './PlanLibrary';

/** `#/plans/<activationId>` opens that response's checklist (links from the incident view). */
function activationFromHash(): number | null {
  const id = Number(window.location.hash.split('/')[2]);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function PlansPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('active');
  return (
    <Stack gap="md">
      <Title order={2}>{t('plans.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="active" data-testid="plans-tab-active">
            {t('plans.tabActive')}
          </Tabs.Tab>
          <Tabs.Tab value="library" data-testid="plans-tab-library">
            {t('plans.tabLibrary')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="active" pt="md">
          <ActiveResponses initial={activationFromHash()} />
        </Tabs.Panel>
        <Tabs.Panel value="library" pt="md">
          <PlanLibrary />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
