import { describe, expect, it } from 'vitest';
import { openTestCore } from './helpers';
import { chemicalFire } from './fixtures';
import { activate, errorOf, smallPlan } from './plans-fixtures';

describe('plan library', () => {
  it('seeds the four sample plans on first run, audited, each with items at every level', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const plans = await core.call('plans.list', {});
    expect(plans.map((p) => p.name).sort()).toEqual(
      ['人员密集场所火灾应急预案', '危险化学品事故应急预案', '森林火灾应急预案', '防汛应急预案'].sort(),
    );
    for (const p of plans) for (const n of Object.values(p.itemCounts)) expect(n).toBeGreaterThan(0);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('versions edits, keeps unchanged saves as they are, and refuses a stale editor', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
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
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
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
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
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
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
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
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const file = await core.call('plans.export', {});
    expect(file.fileName).toBe('plans-2026-11-23.json');
    const edited = file.text.replace('森林火灾应急预案', '森林火灾应急预案（试行）');
    const imported = await core.call('plans.import', { text: edited });
    expect(imported).toHaveLength(4);
    // Unchanged ones stay at their version (2 since migration 070 marked their reporting items); the
    // renamed one is a new plan.
    expect(imported.map((p) => p.version).sort()).toEqual([1, 2, 2, 2]);
    expect((await core.call('plans.list', {})).length).toBe(5);
  });

  it('names the line and field of a bad file and stores nothing', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:30:00Z' });
    const before = await core.sql.value('SELECT count(*) FROM plan_versions');
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
    expect(await core.sql.value('SELECT count(*) FROM plan_versions')).toBe(before);
  });
});
