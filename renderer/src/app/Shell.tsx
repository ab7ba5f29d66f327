import { ActionIcon, AppShell, Badge, Group, NavLink, Text, Tooltip, useMantineColorScheme } from '@mantine/core';
import { IconLanguage, IconMoon, IconSun } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HeaderClock } from '../components/HeaderClock';
import { NotBuiltYet } from '../components/NotBuiltYet';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { AREAS, AREA_ICONS, areaFromHash, type Area } from './areas';
import { useSettings } from './settings-context';

function useArea(): [Area, (a: Area) => void] {
  const [area, setArea] = useState<Area>(() => areaFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [area, (a) => (window.location.hash = `#/${a}`)];
}

export function Shell() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [area, go] = useArea();
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  useEffect(() => {
    setColorScheme(settings.colorScheme);
  }, [settings.colorScheme, setColorScheme]);

  useEffect(() => {
    document.title = `${settings.dutyRoomName} · ${t('app.title')}`;
  }, [settings.dutyRoomName, t]);

  const pages: Partial<Record<Area, ReactNode>> = { settings: <SettingsPage />, reports: <ReportsPage /> };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Text fw={700} size="lg" data-testid="duty-room-name">
              {settings.dutyRoomName}
            </Text>
            <Badge variant="light" color="gray">
              {t('app.title')}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <HeaderClock timeZone={settings.timeZone} />
            <Tooltip label={t('header.toggleLanguage')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('header.toggleLanguage')}
                data-testid="toggle-language"
                onClick={() => void update({ language: settings.language === 'zh-CN' ? 'en' : 'zh-CN' })}
              >
                <IconLanguage size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('header.colorScheme')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('header.colorScheme')}
                onClick={() => void update({ colorScheme: colorScheme === 'dark' ? 'light' : 'dark' })}
              >
                {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {AREAS.map((a) => {
          const Icon = AREA_ICONS[a];
          return (
            <NavLink
              key={a}
              href={`#/${a}`}
              label={t(`nav.${a}`)}
              leftSection={<Icon size={20} />}
              active={a === area}
              onClick={(e) => {
                e.preventDefault();
                go(a);
              }}
              data-testid={`nav-${a}`}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>{pages[area] ?? <NotBuiltYet areaLabel={t(`nav.${area}`)} />}</AppShell.Main>
    </AppShell>
  );
}
