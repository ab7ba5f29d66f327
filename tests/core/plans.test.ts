import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import { createService } from '../../electron/core/service';
import { type PlanDocInput } from '../../electron/core/contract';
import { checklistItemStatus } from '../../electron/core/domain';
import { activeResponses } from '../../electron/core/plans/queries';
import { openTestCore, tempDir, TEST_WIRING, type TestCore } from './helpers';
import { chemicalFire } from './fixtures';

const MIN = 60_000;

function smallPlan(overrides: Partial<PlanDocInput> = {}): PlanDocInput {
  const item = (id: string, limitMinutes: number, action = id) => ({
    id,
    action,
    responsible: '值班室',
    contact: '8801',
    limitMinutes,
    required: true,
  });
  return {
    name: '测试预案',
    categories: ['accident'],
    subtypes: ['危化品'],
    levels: {
      I: [item('notify', 5), item('hq', 30), item('state', 60)],
      II: [item('notify', 5), item('hq', 30)],
      III: [item('notify', 10), item('verify', 20)],
      IV: [item('notify', 15)],
    },
    ...overrides,
  };
}

async function errorOf(core: TestCore, method: string, input: unknown) {
  const r = await core.service.invokeRaw(method, input);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}

async function activate(core: TestCore, level: 'I' | 'II' | 'III' | 'IV' = 'III') {
  const inc = await core.call('incidents.create', chemicalFire());
  const plan = await core.call('plans.save', { doc: smallPlan() });
  const a = await core.call('activations.start', { incidentId: inc.id, planId: plan.id, level, orderedBy: '李副市长' });
  return { inc, plan, a };
}

describe('plan library', () => {
  it('seeds the four sample plans on first run, audited, each with items at every level', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const plans = await core.call('plans.list', {});
    expect(plans.map((p) => p.name).sort()).toEqual(
      ['人员密集场所火灾应急预案', '危险化学品事故应急预案', '森林火灾应急预案', '防汛应急预案'].sort(),
    );
    for (const p of plans) for (const n of Object.values(p.itemCounts)) expect(n).toBeGreaterThan(0);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('versions edits, keeps unchanged saves as they are, and refuses a stale editor', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const p1 = await core.call('plans.save', { doc: smallPlan() });
    expect(p1.version).toBe(1);
    const same = await core.call('plans.save', { id: p1.id, expectedVersion: 1, doc: smallPlan() });
    expect(same.version).toBe(1);
    const p2 = await core.call('plans.save', {
      id: p1.id,
      expectedVersion: 1,
      doc: smallPlan({ name: '测试预案（修订）' }),
    });
    expect(p2.version).toBe(2);
    expect(p2.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await core.call('plans.get', { id: p1.id, version: 1 })).doc.name).toBe('测试预案');
    expect((await errorOf(core, 'plans.save', { id: p1.id, expectedVersion: 1, doc: smallPlan() })).code).toBe(
      'conflict',
    );
  });

  it('an activation keeps the plan version it was made with', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { plan, a } = await activate(core, 'IV');
    const doc = smallPlan();
    doc.levels.II = [
      ...doc.levels.II,
      { id: 'new', action: '新增事项', responsible: '', contact: '', limitMinutes: 5, required: false },
    ];
    await core.call('plans.save', { id: plan.id, doc });
    const raised = await core.call('activations.changeLevel', { id: a.id, level: 'II', orderedBy: '市长' });
    expect(raised.planVersion).toBe(1);
    expect(raised.items.map((i) => i.key)).toEqual(['notify', 'hq']);
  });

  it('rejects duplicate item ids, negative limits and empty plans with field paths', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const doc = smallPlan();
    doc.levels.III = [doc.levels.III[0]!, { ...doc.levels.III[0]!, limitMinutes: -5 }];
    const e = await errorOf(core, 'plans.save', { doc });
    expect(e.issues?.map((i) => `${i.path}:${i.code}`)).toEqual([
      'doc.levels.III.1.limitMinutes:too_small',
      'doc.levels.III.1.id:duplicate_id',
    ]);
    const empty = await errorOf(core, 'plans.save', { doc: smallPlan({ levels: { I: [], II: [], III: [], IV: [] } }) });
    expect(empty.issues?.[0]?.code).toBe('no_items');
  });

  it('retires a plan: hidden from the list, cannot be activated or edited', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const inc = await core.call('incidents.create', chemicalFire());
    const plan = await core.call('plans.save', { doc: smallPlan() });
    await core.call('plans.retire', { id: plan.id, reason: '已被新预案替代' });
    expect((await core.call('plans.list', {})).some((p) => p.id === plan.id)).toBe(false);
    expect((await core.call('plans.list', { includeRetired: true })).find((p) => p.id === plan.id)?.status).toBe(
      'retired',
    );
    const e = await errorOf(core, 'activations.start', {
      incidentId: inc.id,
      planId: plan.id,
      level: 'IV',
      orderedBy: 'x',
    });
    expect(e).toMatchObject({ code: 'plan.retired', params: { name: '测试预案' } });
    expect((await errorOf(core, 'plans.save', { id: plan.id, doc: smallPlan() })).code).toBe('plan.retired');
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });
});

describe('import and export', () => {
  it('round-trips: an exported file imports as new versions of the same plans', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const file = await core.call('plans.export', {});
    expect(file.fileName).toBe('plans-2026-11-23.json');
    const edited = file.text.replace('森林火灾应急预案', '森林火灾应急预案（试行）');
    const imported = await core.call('plans.import', { text: edited });
    expect(imported).toHaveLength(4);
    expect(imported.filter((p) => p.version === 1)).toHaveLength(4); // unchanged ones stay, renamed one is new
    expect((await core.call('plans.list', {})).length).toBe(5);
  });

  it('names the line and field of a bad file and stores nothing', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const before = core.db.prepare('SELECT count(*) FROM plan_versions').pluck().get();
    const text = [
      '{',
      '  "format": "duty-room-plans",',
      '  "version": 1,',
      '  "plans": [{',
      '    "name": "坏预案", "categories": ["accident"], "subtypes": [],',
      '    "levels": { "I": [], "II": [], "III": [], "IV": [',
      '      { "id": "a", "action": "x", "responsible": "", "contact": "", "limitMinutes": 5, "required": true },',
      '      { "id": "a", "action": "y", "responsible": "", "contact": "",',
      '        "limitMinutes": -1, "required": true }',
      '    ] }',
      '  }]',
      '}',
    ].join('\n');
    const e = await errorOf(core, 'plans.import', { text });
    expect(e.code).toBe('plan.import_invalid');
    expect(e.params).toEqual({ line: 9, field: 'plans.0.levels.IV.1.limitMinutes' });
    expect(e.issues?.map((i) => [i.path, i.code, i.params?.line])).toEqual([
      ['plans.0.levels.IV.1.limitMinutes', 'too_small', 9],
      ['plans.0.levels.IV.1.id', 'duplicate_id', 8],
    ]);
    const syntax = await errorOf(core, 'plans.import', {
      text: '{\n  "format": "duty-room-plans",\n  "plans": [,]\n}',
    });
    expect(syntax).toMatchObject({ code: 'plan.import_invalid', params: { line: 3 } });
    expect((await errorOf(core, 'plans.import', { text: '{"format":"other"}' })).issues?.[0]?.path).toBe('format');
    expect(core.db.prepare('SELECT count(*) FROM plan_versions').pluck().get()).toBe(before);
  });
});

describe('activation and checklist', () => {
  it('creates the checklist with due times from the order time, records who ordered it', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
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
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { a } = await activate(core, 'III');
    const verify = a.items.find((i) => i.key === 'verify')!;
    const at = (m: number) => new Date(Date.parse(a.activatedAt) + m * MIN);
    expect(checklistItemStatus(verify, at(10)).state).toBe('pending');
    expect(checklistItemStatus(verify, at(15)).state).toBe('due_soon');
    expect(checklistItemStatus(verify, at(21))).toEqual({ state: 'overdue', remainingMs: -MIN });
    core.clock.advance(21 * MIN);
    const [resp] = activeResponses(core.service.ctx, core.clock.now());
    expect(resp!.overdueItems.map((i) => i.action)).toEqual(['notify', 'verify']);
    const ticked = await core.call('checklist.tick', { itemId: verify.id, note: '已核实' });
    const done = ticked.items.find((i) => i.key === 'verify')!;
    expect(done.done).toMatchObject({ at: '2026-11-23T01:51:00.000Z', text: '已核实' });
    expect(checklistItemStatus(done, core.clock.now()).state).toBe('done_late');
    expect(activeResponses(core.service.ctx, core.clock.now())[0]!.overdueItems).toHaveLength(1);
  });

  it('raises, lowers and terminates without losing anything done', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
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
    expect(activeResponses(core.service.ctx, core.clock.now())).toEqual([]);
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
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { a } = await activate(core);
    const other = createService({
      db: core.db,
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
    expect(core.db.prepare('SELECT count(*) FROM checklist_marks').pluck().get()).toBe(3);
  });

  it('refuses a second live activation of the same plan, future order times, voided incidents', async () => {
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
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
    const core = openTestCore({ start: '2026-11-23T01:30:00Z' });
    const { a } = await activate(core);
    await core.call('checklist.tick', { itemId: a.items[0]!.id });
    expect(() => core.db.prepare("UPDATE checklist_marks SET by = 'x'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM checklist_items').run()).toThrow(/append-only/);
    expect(() => core.db.prepare("UPDATE plan_versions SET doc = '{}'").run()).toThrow(/append-only/);
    await core.call('activations.terminate', { id: a.id, orderedBy: 'x' });
    expect(() => core.db.prepare("UPDATE activations SET level = 'I'").run()).toThrow(/frozen/);
  });
});

describe('migration 030', () => {
  it('adds the plan tables to a version-20 database, keeps its incidents and seeds the samples, audited', async () => {
    const dir = tempDir();
    const clock = new ManualClock('2026-11-23T01:30:00Z');
    const old = openDatabase(join(dir, 'duty-room.sqlite'), { clock, appVersion: 'test', targetVersion: 20 });
    const service = createService({ db: old, clock, appVersion: 'test', dataFile: '', wiring: TEST_WIRING });
    expect((await service.invoke('incidents.create', chemicalFire())).ok).toBe(true);
    const before = old.prepare('SELECT * FROM incidents').all();
    old.close();

    const core = openTestCore({ dir, clock });
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(core.db.prepare('SELECT * FROM incidents').all()).toEqual(before);
    expect(await core.call('plans.list', {})).toHaveLength(4);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });
});
