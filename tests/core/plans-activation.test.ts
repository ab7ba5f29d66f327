import { describe, expect, it } from 'vitest';
import { createService } from '../../electron/core/service';
import { checklistItemStatus } from '../../electron/core/domain';
import { activeResponses } from '../../electron/core/plans/queries';
import { openTestCore, TEST_WIRING } from './helpers';
import { expectRefused } from './refused';
import { activate, errorOf, smallPlan } from './plans-fixtures';

const MIN = 60_000;

describe('activation and checklist', () => {
  it('creates the checklist with due times from the order time, records who ordered it', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { a } = await activate(core, 'III');
    expect(a).toMatchObject({
      level: 'III',
      status: 'active',
      orderedBy: '李副市长',
      activatedAt: '2026-11-23T01:30:00.000Z',
    });
    expect(a.items.map((i) => [i.key, i.dueAt])).toEqual([
      ['notify', '2026-11-23T01:40:00.000Z'],
      ['verify', '2026-11-23T01:50:00.000Z'],
    ]);
  });

  it('computes overdue and due-soon like report deadlines (amber at 25 % left)', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { a } = await activate(core, 'III');
    const verify = a.items.find((i) => i.key === 'verify')!;
    const at = (m: number) => new Date(Date.parse(a.activatedAt) + m * MIN);
    expect(checklistItemStatus(verify, at(10)).state).toBe('pending');
    expect(checklistItemStatus(verify, at(15)).state).toBe('due_soon');
    expect(checklistItemStatus(verify, at(21))).toEqual({ state: 'overdue', remainingMs: -MIN });
    core.clock.advance(21 * MIN);
    const [resp] = await activeResponses(core.service.ctx, core.clock.now());
    expect(resp!.overdueItems.map((i) => i.action)).toEqual(['notify', 'verify']);
    const ticked = await core.call('checklist.tick', { itemId: verify.id, note: '已核实' });
    const done = ticked.items.find((i) => i.key === 'verify')!;
    expect(done.done).toMatchObject({ at: '2026-11-23T01:51:00.000Z', text: '已核实' });
    expect(checklistItemStatus(done, core.clock.now()).state).toBe('done_late');
    expect((await activeResponses(core.service.ctx, core.clock.now()))[0]!.overdueItems).toHaveLength(1);
  });

  it('raises, lowers and terminates without losing anything done', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { inc, a } = await activate(core, 'III');
    const notify = a.items[0]!;
    await core.call('checklist.tick', { itemId: notify.id, note: '' });
    core.clock.advance(20 * MIN);
    const up = await core.call('activations.changeLevel', {
      id: a.id,
      level: 'II',
      orderedBy: '王市长',
      note: '火势扩大',
    });
    expect(up.items.map((i) => [i.key, i.level, i.dueAt, i.inCurrentLevel])).toEqual([
      ['notify', 'III', '2026-11-23T01:40:00.000Z', true],
      ['verify', 'III', '2026-11-23T01:50:00.000Z', false],
      ['hq', 'II', '2026-11-23T02:20:00.000Z', true],
    ]);
    expect(up.items[0]!.done).not.toBeNull();
    expect(checklistItemStatus(up.items[1]!, core.clock.now()).state).toBe('out_of_level');
    const same = await errorOf(core, 'activations.changeLevel', { id: a.id, level: 'II', orderedBy: 'x' });
    expect(same.issues?.[0]?.code).toBe('same_level');
    const down = await core.call('activations.changeLevel', { id: a.id, level: 'III', orderedBy: '王市长' });
    expect(down.items).toHaveLength(3);
    expect(down.items.find((i) => i.key === 'verify')!.inCurrentLevel).toBe(true);

    core.clock.advance(60 * MIN);
    const end = await core.call('activations.terminate', { id: a.id, orderedBy: '王市长', note: '险情排除' });
    expect(end).toMatchObject({
      status: 'terminated',
      terminatedOrderedBy: '王市长',
      terminatedAt: '2026-11-23T02:50:00.000Z',
    });
    expect(end.events.map((e) => e.kind)).toEqual(['activated', 'level_changed', 'level_changed', 'terminated']);
    expect((await errorOf(core, 'checklist.tick', { itemId: end.items[1]!.id })).code).toBe('checklist.terminated');
    expect((await errorOf(core, 'activations.changeLevel', { id: a.id, level: 'I', orderedBy: 'x' })).code).toBe(
      'activation.terminated',
    );
    expect(await activeResponses(core.service.ctx, core.clock.now())).toEqual([]);
    // Frozen: an open item is judged at the termination time, however late it is read.
    core.clock.advance(24 * 60 * MIN);
    const hq = end.items.find((i) => i.key === 'hq')!;
    expect(checklistItemStatus(hq, core.clock.now(), end).remainingMs).toBe(-30 * MIN);

    const timeline = (await core.call('incidents.get', { id: inc.id })).timeline;
    expect(timeline.filter((t) => t.kind.startsWith('plan_')).map((t) => [t.kind, t.title])).toEqual([
      ['plan_activated', '测试预案 · Ⅲ'],
      ['plan_level_changed', '测试预案 · Ⅲ → Ⅱ'],
      ['plan_level_changed', '测试预案 · Ⅱ → Ⅲ'],
      ['plan_terminated', '测试预案 · Ⅲ'],
    ]);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('tells the second of two officers ticking the same item who was first, from another window too', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { a } = await activate(core);
    const other = await createService({
      sql: core.service.ctx.sql,
      clock: core.clock,
      appVersion: 'test',
      dataFile: core.file,
      wiring: TEST_WIRING,
    });
    const item = a.items[0]!;
    await core.call('checklist.tick', { itemId: item.id, by: '张主班', note: '' });
    const r = await other.invoke('checklist.tick', { itemId: item.id, by: '刘副班' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'checklist.already_done', params: { by: '张主班', at: '2026-11-23 09:30' } },
    });
    expect((await errorOf(core, 'checklist.markNA', { itemId: item.id, reason: '无' })).code).toBe(
      'checklist.already_done',
    );
    const noted = await core.call('checklist.note', { itemId: item.id, text: '领导已知悉' });
    expect(noted.items[0]!.notes.map((n) => n.text)).toEqual(['领导已知悉']);
    const na = await core.call('checklist.markNA', { itemId: a.items[1]!.id, reason: '无人员伤亡' });
    expect(na.items[1]!.notApplicable?.text).toBe('无人员伤亡');
    expect(await core.sql.value('SELECT count(*) FROM checklist_marks')).toBe(3);
  });

  it('refuses a second live activation of the same plan, future order times, voided incidents', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { inc, plan } = await activate(core);
    const again = { incidentId: inc.id, planId: plan.id, level: 'II' as const, orderedBy: 'x' };
    expect((await errorOf(core, 'activations.start', again)).code).toBe('plan.already_active');
    const other = await core.call('plans.save', { doc: smallPlan({ name: '另一预案' }) });
    const future = await errorOf(core, 'activations.start', { ...again, planId: other.id, at: '2026-11-23T03:00:00Z' });
    expect(future.issues).toEqual([{ path: 'at', code: 'in_future' }]);
    await core.call('incidents.void', { id: inc.id, expectedVersion: 1, reason: '重复录入' });
    expect((await errorOf(core, 'activations.start', { ...again, planId: other.id })).code).toBe('incident.voided');
  });

  it('the database refuses to change or delete tick records and frozen responses', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { a } = await activate(core);
    await core.call('checklist.tick', { itemId: a.items[0]!.id });
    await expectRefused(core, "UPDATE checklist_marks SET by = 'x'", [], /append-only/);
    await expectRefused(core, 'DELETE FROM checklist_items', [], /append-only/);
    await expectRefused(core, "UPDATE plan_versions SET doc = '{}'", [], /append-only/);
    await core.call('activations.terminate', { id: a.id, orderedBy: 'x' });
    await expectRefused(core, "UPDATE activations SET level = 'I'", [], /frozen/);
  });
});
