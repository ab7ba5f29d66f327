import { Tabs, Title, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PeoplePanel } from './PeoplePanel';
import { RosterMonthView } from './RosterMonthView';
import { ShiftModelPanel } from './ShiftModelPanel';

export function RosterPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{t('roster.title')}</Title>
      <Tabs defaultValue="month" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="month" data-testid="roster-tab-month">
            {t('roster.title')}
          </Tabs.Tab>
          <Tabs.Tab value="people" data-testid="roster-tab-people">
            {t('roster.people')}
          </Tabs.Tab>
          <Tabs.Tab value="shifts" data-testid="roster-tab-shifts">
            {t('roster.shiftModel')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="month" pt="md">
          <RosterMonthView />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <PeoplePanel />
        </Tabs.Panel>
        <Tabs.Panel value="shifts" pt="md">
          <ShiftModelPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
