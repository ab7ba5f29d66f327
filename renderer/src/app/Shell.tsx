import {
  ActionIcon,
  AppShell,
  Badge,
  Center,
  Group,
  Image,
  Loader,
  Modal,
  UnstyledButton,
  NavLink,
  Text,
  Tooltip,
  useMantineColorScheme,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconLanguage, IconMoon, IconSun } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
// The home screen is part of the first load: it is what every start shows.
import { NowPage } from '../features/now/NowPage';
import { useTranslation } from 'react-i18next';
import { HeaderClock } from '../components/HeaderClock';
import { BLANK_DRAFT, draftFromCall, type IncidentDraft } from '../features/incidents/incident-draft';
import type { Call } from '@contract';
import { DutyNowHeader } from '../features/roster/DutyNowHeader';
import { OperatorSwitch } from '../features/roster/OperatorSwitch';
import { AREAS, AREA_ICONS, type Area } from './areas';
import { OverdueBadge } from './OverdueBadge';
import { SeatStatus } from './SeatStatus';
import { useSeatEvents } from './useSeatEvents';
import { NavCount } from './NavCount';
import { AboutDialog, EMBLEM_URL } from './AboutDialog';
import { useSettings } from './settings-context';
import { ShortcutHelp } from './ShortcutHelp';
import { useRoute } from './useRoute';
import { useNavCounts } from './useNavCounts';

// Each area (and the search palette and call form, opened by shortcut) is its own chunk, fetched when
// first shown: the window paints the header and the Now page without loading every feature's code.

const IncidentsPage = lazy(() =>
  import('../features/incidents/IncidentsPage').then((m) => ({ default: m.IncidentsPage })),
);
const PlansPage = lazy(() => import('../features/plans').then((m) => ({ default: m.PlansPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const RosterPage = lazy(() => import('../features/roster/RosterPage').then((m) => ({ default: m.RosterPage })));
const HandoverPage = lazy(() => import('../features/handover/HandoverPage').then((m) => ({ default: m.HandoverPage })));
const DocumentsPage = lazy(() =>
  import('../features/documents/DocumentsPage').then((m) => ({ default: m.DocumentsPage })),
);
const CallForm = lazy(() => import('../features/incidents/CallForm').then((m) => ({ default: m.CallForm })));
const SearchSpotlight = lazy(() => import('./SearchSpotlight').then((m) => ({ default: m.SearchSpotlight })));

function AreaLoading() {
  const { t } = useTranslation();
  return (
    <Center mt="xl" data-testid="area-loading">
      <Loader size="sm" mr="sm" />
      <Text c="dimmed">{t('app.loadingArea')}</Text>
    </Center>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [route, go] = useRoute();
  const counts = useNavCounts();
  const seat = useSeatEvents();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [loggingCall, setLoggingCall] = useState(false);
  const [creating, setCreating] = useState<IncidentDraft | null>(null);
  const [help, setHelp] = useState(false);
  const [about, setAbout] = useState(false);

  useEffect(() => {
    setColorScheme(settings.colorScheme);
  }, [settings.colorScheme, setColorScheme]);

  useEffect(() => {
    document.title = `${settings.dutyRoomName} · ${t('app.title')}`;
  }, [settings.dutyRoomName, t]);

  const openIncident = (id: number) => go('log', id);
  const newIncident = (draft: IncidentDraft = BLANK_DRAFT) => {
    if (route.area !== 'log') go('log');
    setCreating(draft);
  };
  /** 立为事件: a logged call becomes an incident, its facts carried over and the call linked. */
  const incidentFromCall = (c: Call) => newIncident(draftFromCall(c));
  useHotkeys(
    [
      ['mod+L', () => setLoggingCall(true)],
      ['mod+N', () => newIncident()],
      ['shift+?', () => setHelp(true)],
    ],
    [],
  );

  const pages: Record<Area, ReactNode> = {
    now: (
      <NowPage
        openIncident={openIncident}
        openHandover={() => go('handover')}
        logCall={() => setLoggingCall(true)}
        newIncident={() => newIncident()}
        incidentFromCall={incidentFromCall}
      />
    ),
    log: <IncidentsPage selectedId={route.id} onSelect={openIncident} creating={creating} setCreating={setCreating} />,
    plans: <PlansPage />,
    settings: <SettingsPage />,
    roster: <RosterPage />,
    handover: <HandoverPage />,
    reports: <DocumentsPage />,
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 190, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Tooltip label={t('about.open')}>
              <UnstyledButton onClick={() => setAbout(true)} aria-label={t('about.open')} data-testid="open-about">
                <Image src={EMBLEM_URL} alt="" w={30} h={30} />
              </UnstyledButton>
            </Tooltip>
            <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }} data-testid="duty-room-name">
              {settings.dutyRoomName}
            </Text>
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {t('app.title')}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <SeatStatus link={seat} timeZone={settings.timeZone} />
            <DutyNowHeader />
            <OverdueBadge overdue={counts.overdue} soon={counts.soon} onClick={() => go('now')} />
            <div style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
              <HeaderClock timeZone={settings.timeZone} />
            </div>
            <OperatorSwitch />
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
              rightSection={
                counts.areas[a]?.count ? (
                  <NavCount count={counts.areas[a]!.count} urgent={counts.areas[a]!.urgent} testId={`nav-count-${a}`} />
                ) : null
              }
              active={a === route.area}
              onClick={(e) => {
                e.preventDefault();
                go(a);
              }}
              data-testid={`nav-${a}`}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<AreaLoading />}>{pages[route.area]}</Suspense>
      </AppShell.Main>
      <Modal
        opened={loggingCall}
        onClose={() => setLoggingCall(false)}
        title={t('call.title')}
        size="lg"
        closeOnEscape={false}
      >
        <Suspense fallback={<AreaLoading />}>
          <CallForm
            incidentId={route.area === 'log' ? route.id : null}
            onDone={() => setLoggingCall(false)}
            onMakeIncident={(c) => {
              setLoggingCall(false);
              incidentFromCall(c);
            }}
            onCancel={() => setLoggingCall(false)}
          />
        </Suspense>
      </Modal>
      <Suspense fallback={null}>
        <SearchSpotlight openIncident={openIncident} />
      </Suspense>
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} />
      <AboutDialog opened={about} onClose={() => setAbout(false)} />
    </AppShell>
  );
}
