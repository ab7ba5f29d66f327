import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { SeatStatus } from '../../renderer/src/app/SeatStatus';
import { affects, useSeatEvents } from '../../renderer/src/app/useSeatEvents';
import { useQuery } from '../../renderer/src/hooks/useQuery';
import { chemicalFire } from '../core/fixtures';
import { renderUi, withCore } from './render';

/** A view of the incident list that never writes: only the seat events can refresh it. */
function Probe() {
  const link = useSeatEvents();
  const list = useQuery('incidents.list', {});
  return (
    <>
      <SeatStatus link={{ ...link, shared: true }} timeZone="Asia/Shanghai" />
      <div data-testid="titles">{list.data?.items.map((i) => i.title).join('|')}</div>
    </>
  );
}

describe('live seats in the renderer', () => {
  it('refetches a shown list when the record changes elsewhere (not through this page)', async () => {
    const core = await withCore('zh-CN', { start: '2026-11-23T12:00:00Z' });
    renderUi(<Probe />);
    await waitFor(() => expect(screen.getByTestId('seat-status').textContent).toBe('已连接'));
    expect(screen.getByTestId('titles').textContent).toBe('');
    await act(() => core.call('incidents.create', chemicalFire({ title: '别处录入的事件' })));
    await waitFor(() => expect(screen.getByTestId('titles').textContent).toBe('别处录入的事件'));
  });

  it('shows the shared link in the header only on a shared database, red while lost', async () => {
    await withCore('en');
    const since = '2026-11-23T01:00:00Z';
    renderUi(
      <>
        <SeatStatus link={{ shared: false, state: 'ok', since }} timeZone="Asia/Shanghai" />
        <SeatStatus link={{ shared: true, state: 'lost', since }} timeZone="Asia/Shanghai" />
      </>,
    );
    // One badge: the single seat (SQLite) shows none.
    expect(screen.getAllByTestId('seat-status')).toHaveLength(1);
    expect(screen.getByTestId('seat-status').textContent).toBe('Connection lost');
    expect(screen.getByTestId('seat-status').getAttribute('data-state')).toBe('lost');
  });

  it('a change refetches the reads of its area and those it may touch, not unrelated ones', () => {
    expect(affects(['incidents'], ['plans.list', {}])).toBe(true);
    expect(affects(['roster'], ['plans.list', {}])).toBe(false);
    expect(affects(['roster'], ['duty.now', {}])).toBe(true);
    expect(affects(['roster', 'plans'], ['plans.list', {}])).toBe(true);
    expect(affects(['all'], ['calls.list', {}])).toBe(true);
  });
});
