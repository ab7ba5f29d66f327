import { describe, expect, it } from 'vitest';
import { nowActions } from '../../electron/core/domain/now-actions';
import { chemicalFire } from './fixtures';
import { openTestCore, type TestCore } from './helpers';
import { generateNovember, seedPeople } from './roster-fixtures';

async function desk(core: TestCore) {
  const summary = await core.call('deadlines.summary', {});
  return nowActions(
    {
      deadlines: summary.deadlines,
      responses: await core.call('activations.active', {}),
      instructions: await core.call('instructions.pending', {}),
      handover: await core.call('handover.due', {}),
    },
    core.clock.now(),
  );
}

describe('the Now desk', () => {
  it('chases a 批示 until 反馈 comes back after its last 传达, and forgets it once completed', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const fire = await core.call('incidents.create', chemicalFire());
    const ins = await core.call('instructions.create', {
      incidentId: fire.id,
      leader: '李市长',
      givenAt: '2026-11-23T01:20:00Z',
      text: '全力搜救失踪人员',
    });
    const pending = () => core.call('instructions.pending', {});
    expect(await pending()).toMatchObject([{ id: ins.id, state: 'to_relay', incidentNumber: fire.number }]);
    const act = (kind: 'relay' | 'feedback' | 'completed', at: string, party = '') =>
      core.call('instructions.addAction', { instructionId: ins.id, kind, at, party, text: '' });
    await act('relay', '2026-11-23T01:22:00Z', '市消防救援支队');
    expect(await pending()).toMatchObject([
      { state: 'awaiting_feedback', relayedTo: '市消防救援支队', relayedAt: '2026-11-23T01:22:00.000Z' },
    ]);
    await act('feedback', '2026-11-23T01:25:00Z', '市消防救援支队');
    expect(await pending()).toEqual([]);
    await act('relay', '2026-11-23T01:27:00Z', '市卫健委');
    expect(await pending()).toMatchObject([{ state: 'awaiting_feedback', relayedTo: '市卫健委' }]);
    await act('completed', '2026-11-23T01:29:00Z');
    expect(await pending()).toEqual([]);
  });

  it('leaves out 批示 older than the stale window', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    await core.call('instructions.create', {
      incidentId: null,
      leader: '李市长',
      givenAt: '2026-10-01T01:20:00Z',
      text: '做好国庆期间值守',
    });
    expect(await core.call('instructions.pending', {})).toEqual([]);
  });

  it('puts the handover in the list in its last hour and keeps an unsigned one owed after the shift', async () => {
    // 07:40 local on the 10th: the shift of the 9th hands over at 08:30 (00:30Z).
    const core = await openTestCore({ start: '2026-11-09T23:20:00Z' });
    await generateNovember(core, await seedPeople(core));
    expect((await desk(core)).filter((a) => a.kind === 'handover')).toEqual([]);
    core.clock.set('2026-11-09T23:40:00Z');
    const due = await core.call('handover.due', {});
    expect(due).toMatchObject({ current: { date: '2026-11-09', id: null, status: null }, previous: null });
    expect(due.current.endsAt).toBe('2026-11-10T00:30:00.000Z');
    expect(await desk(core)).toMatchObject([
      { kind: 'handover', urgency: 'due_soon', remainingMs: 50 * 60_000, previous: false },
    ]);
    const draft = await core.call('handover.draft', {});
    core.clock.set('2026-11-10T00:50:00Z');
    // Drafted, never signed: the next shift still sees it owed, overdue since 08:30.
    expect(await desk(core)).toMatchObject([
      { kind: 'handover', urgency: 'overdue', previous: true, handover: { id: draft.id, status: 'draft' } },
    ]);
  });

  it('lists everything in one order: overdue first, then due soon, then 批示 awaiting 反馈, then the rest', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:05:00Z' });
    const fire = await core.call('incidents.create', chemicalFire({ level: 'III' }));
    await core.call('instructions.create', {
      incidentId: fire.id,
      leader: '李市长',
      givenAt: '2026-11-23T01:06:00Z',
      text: '迅速核实伤亡',
    });
    core.clock.set('2026-11-23T01:40:00Z');
    const list = await desk(core);
    // III: phone due in 30 min (overdue at 01:35), written in 2 h (on time).
    expect(list.map((a) => (a.kind === 'deadline' ? `${a.kind}:${a.deadline.kind}` : a.kind))).toEqual([
      'deadline:phone',
      'instruction',
      'deadline:written',
    ]);
    expect(list.map((a) => a.urgency)).toEqual(['overdue', 'waiting', 'on_time']);
  });

  it("lists today's calls only when asked from a time", async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const call = (at: string) =>
      core.call('calls.create', { incidentId: null, at, direction: 'in', party: '中山区应急局', number: '', gist: at });
    await call('2026-11-22T15:00:00Z');
    await call('2026-11-22T17:00:00Z');
    const today = await core.call('calls.list', { since: '2026-11-22T16:00:00Z' });
    expect(today.map((c) => c.gist)).toEqual(['2026-11-22T17:00:00Z']);
    expect(await core.call('calls.list', {})).toHaveLength(2);
  });
});
