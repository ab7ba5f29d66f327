import { Badge, Group, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type IncidentListItem, type IncidentListQuery } from '@contract';
import { deadlineStatus } from '@domain';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { formatTime } from '../../components/time-format';
import { useNow } from '../../hooks/useNow';
import { LevelBadge } from './LevelBadge';

const ROW_HEIGHT = 92;

/** Pages through incidents by keyset cursor and renders only the rows in view. */
export function IncidentList(props: {
  filter: Omit<IncidentListQuery, 'cursor' | 'limit'>;
  selectedId: number | null;
  onSelect(id: number): void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const parentRef = useRef<HTMLDivElement>(null);
  // Keyset pages under one key; a write invalidates it and every loaded page is read again.
  const pages = useInfiniteQuery({
    queryKey: ['incidents.list', props.filter, 'pages'],
    queryFn: ({ pageParam }) =>
      call('incidents.list', { ...props.filter, ...(pageParam ? { cursor: pageParam } : {}), limit: 100 }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const items: IncidentListItem[] = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? null;
  // Beyond TOTAL_CAP the core stops counting: the list says "10,000+" instead of waiting for a count.
  const capped = pages.data?.pages[0]?.totalCapped ?? false;
  const loading = pages.isFetching;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;

  // react-virtual hands back fresh functions each render; this app does not run the React Compiler, whose
  // memoisation the rule protects, so the component simply re-renders as before.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;

  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage || lastIndex < items.length - 20) return;
    void fetchNextPage();
  }, [lastIndex, hasNextPage, isFetchingNextPage, fetchNextPage, items.length]);

  return (
    <Stack gap={4} h="100%">
      <Group justify="space-between" px={4}>
        <Text size="sm" c="dimmed" data-testid="incident-total">
          {total === null
            ? t('app.loading')
            : capped
              ? t('incident.totalCapped', { count: total, shown: total.toLocaleString('en-US') })
              : t('incident.total', { count: total })}
        </Text>
        {loading && <Loader size="xs" />}
      </Group>
      <div ref={parentRef} style={{ flex: 1, overflow: 'auto', minHeight: 0 }} data-testid="incident-list">
        {total === 0 && (
          <Text c="dimmed" ta="center" mt="xl">
            {t('incident.empty')}
          </Text>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((v) => {
            const item = items[v.index]!;
            return (
              <div
                key={item.id}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${v.start}px)`,
                  height: ROW_HEIGHT,
                  padding: 2,
                }}
              >
                <Row item={item} now={now} selected={item.id === props.selectedId} onSelect={props.onSelect} />
              </div>
            );
          })}
        </div>
      </div>
    </Stack>
  );
}

function Row({
  item,
  now,
  selected,
  onSelect,
}: {
  item: IncidentListItem;
  now: Date;
  selected: boolean;
  onSelect(id: number): void;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const open = item.deadlines.filter((d) => !d.doneAt);
  const worst = open
    .map((d) => ({ d, s: deadlineStatus(d, now) }))
    .sort((a, b) => a.s.remainingMs - b.s.remainingMs)[0];
  const voided = item.status === 'voided';
  return (
    <UnstyledButton
      w="100%"
      h="100%"
      onClick={() => onSelect(item.id)}
      data-testid={`incident-row-${item.id}`}
      aria-current={selected}
    >
      <Paper withBorder p={8} h="100%" bg={selected ? 'var(--mantine-color-blue-light)' : undefined}>
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Text
            fw={600}
            truncate
            td={voided ? 'line-through' : undefined}
            c={voided ? 'dimmed' : undefined}
            title={voided ? t('incident.voided') : item.title}
          >
            {item.title}
          </Text>
          <LevelBadge level={item.level} />
        </Group>
        <Text size="xs" c="dimmed" truncate>
          {item.number} · {formatTime(item.receivedAt, settings.timeZone)} · {item.place}
        </Text>
        <Group gap={4} mt={4} wrap="nowrap">
          {worst ? (
            <DeadlineBadge deadline={worst.d} now={now} />
          ) : (
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {t(`incident.status.${item.status}`)}
            </Badge>
          )}
          {item.casualties.deaths > 0 && (
            <Badge variant="outline" color="dark" style={{ textTransform: 'none' }}>
              {t('incident.casualty.deaths')} {item.casualties.deaths}
            </Badge>
          )}
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
