import { describe, expect, it } from 'vitest';
import { openTestCore, serviceAtVersion, sqliteOnly, type TestCore } from './helpers';
import { expectRefused } from './refused';
import { chemicalFire } from './fixtures';

const sendMeta = {
  channel: 'edoc' as const,
  recipientUnit: '省应急管理厅',
  approvingLeader: '李市长',
  sender: '王值班',
};

async function send(core: TestCore, incidentId: number, kind: 'initial' | 'followup' | 'final', sentAt: string) {
  const d = await core.call('reports.draft', { incidentId, kind });
  return core.service.invoke('reports.send', { id: d.id, sentAt, ...sendMeta });
}

function phoneCall(incidentId: number, at: string, over = {}) {
  return {
    incidentId,
    at,
    direction: 'out' as const,
    party: '省政府总值班室',
    number: '0571-87050000',
    gist: '电话报告：滨海西路危化品仓库爆炸，2死3失踪5重伤',
    phoneReport: true,
    ...over,
  };
}

describe('grade applied at creation', () => {
  it('starts an unrated accident at the suggested grade (2 dead + 3 missing = 较大) and logs both', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
    const casualties = { deaths: 2, missing: 3, seriouslyInjured: 5, injured: 0, trapped: 0, evacuated: 0 };
    const inc = await core.call('incidents.create', chemicalFire({ level: 'unrated', casualties }));
    expect(inc.level).toBe('III');
    const detail = await core.call('incidents.get', { id: inc.id });
    expect(detail.versions[0]).toMatchObject({ suggestedLevel: 'III', reason: expect.stringContaining('较大') });
    // 较大 clock from received-at (09:05 local): phone 30 min, written 2 h.
    expect(detail.deadlines.map((d) => [d.kind, d.dueAt])).toEqual([
      ['phone', '2026-11-23T01:35:00.000Z'],
      ['written', '2026-11-23T03:05:00.000Z'],
    ]);
    // The officer's own choice is kept, even below the suggestion.
    const chosen = await core.call('incidents.create', chemicalFire({ level: 'IV', casualties }));
    expect(chosen.level).toBe('IV');
    // Below 较大 it stays 未定级 — on the 较大 clock all the same.
    const small = await core.call(
      'incidents.create',
      chemicalFire({ level: 'unrated', casualties: { ...casualties, missing: 0 } }),
    );
    expect(small.level).toBe('unrated');
    const d = await core.call('incidents.get', { id: small.id });
    expect(d.deadlines.find((x) => x.kind === 'written')!.dueAt).toBe('2026-11-23T03:05:00.000Z');
  });

  it('raising the grade later makes a passed due time "due now" from the raise, never back-dated', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
    const inc = await core.call(
      'incidents.create',
      chemicalFire({ level: 'IV', casualties: { ...chemicalFire().casualties, deaths: 1, missing: 0 } }),
    );
    core.clock.set('2026-11-23T01:50:00Z'); // 45 min after received: the 30-min 重大 phone deadline has passed
    await core.call('incidents.amend', { id: inc.id, expectedVersion: 1, reason: '升级', changes: { level: 'II' } });
    const phone = (await core.call('incidents.get', { id: inc.id })).deadlines.find((d) => d.kind === 'phone')!;
    expect(phone).toMatchObject({ dueAt: '2026-11-23T01:50:00.000Z', dueFromChange: '2026-11-23T01:50:00.000Z' });
  });
});

describe('the phone report is one act', () => {
  it('an outgoing call marked 电话报告 meets the phone deadline and is its own chain entry; the 初报 stays due', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:20:00Z' });
    const inc = await core.call('incidents.create', chemicalFire());
    const call = await core.call('calls.create', phoneCall(inc.id, '2026-11-23T01:18:00Z'));
    const detail = await core.call('incidents.get', { id: inc.id });
    expect(detail.reports).toHaveLength(1);
    expect(detail.reports[0]).toMatchObject({
      kind: 'phone',
      status: 'sent',
      callId: call.id,
      channel: 'phone',
      recipientUnit: '省政府总值班室',
      sentAt: '2026-11-23T01:18:00.000Z',
    });
    expect(detail.calls[0]!.phoneReportId).toBe(detail.reports[0]!.id);
    expect(detail.deadlines.find((d) => d.kind === 'phone')!.doneAt).toBe('2026-11-23T01:18:00.000Z');
    expect(detail.deadlines.find((d) => d.kind === 'written')!.doneAt).toBeNull();
    // The 初报 is still draftable (the phone report is not it) and takes the phone report's recipient.
    const draft = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    expect(draft.recipientUnit).toBe('省政府总值班室');
    expect(draft.changes).toBe('');
    // One phone report per incident; an incoming call or a call without an incident cannot be one.
    expect(await core.service.invoke('calls.create', phoneCall(inc.id, '2026-11-23T01:19:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'report.order' },
    });
    expect(
      await core.service.invoke('calls.create', phoneCall(inc.id, '2026-11-23T01:19:00Z', { direction: 'in' })),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'direction', code: 'phone_report_outgoing' }] },
    });
    expect(
      await core.service.invoke('calls.create', phoneCall(inc.id, '2026-11-23T01:19:00Z', { incidentId: null })),
    ).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'incidentId' }] } });
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('ticks plan items whose satisfiedBy names the act, with a reference, in whichever order they happen', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:20:00Z' });
    const inc = await core.call('incidents.create', chemicalFire({ economicLoss: 800 }));
    await core.call('calls.create', phoneCall(inc.id, '2026-11-23T01:15:00Z'));
    const plan = (await core.call('plans.list', {})).find((p) => p.name === '危险化学品事故应急预案')!;
    const a = await core.call('activations.start', {
      incidentId: inc.id,
      planId: plan.id,
      level: 'III',
      orderedBy: '李副市长',
      note: '',
    });
    const item = (key: string, act = a) => act.items.find((i) => i.key === key)!;
    // The phone report came before the activation: ticked at the activation, pointing at the call.
    expect(item('report-phone').done).toMatchObject({
      at: a.activatedAt,
      text: expect.stringMatching(/电话报告.*通话记录 #\d+/),
    });
    expect(item('written').done).toBeNull();
    core.clock.advance(10 * 60_000);
    const sent = await send(core, inc.id, 'initial', core.clock.now().toISOString());
    expect(sent).toMatchObject({ ok: true });
    const after = await core.call('activations.get', { id: a.id });
    expect(item('written', after).done).toMatchObject({
      at: '2026-11-23T01:30:00.000Z',
      text: expect.stringMatching(/初报.*报告 #\d+/),
    });
    expect(item('followup', after).done).toBeNull();
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });
});

describe('report order', () => {
  it('refuses a 续报 or 终报 sent before the report it follows, naming both times', async () => {
    const core = await openTestCore({ start: '2026-11-23T03:00:00Z' });
    const inc = await core.call('incidents.create', chemicalFire({ economicLoss: 800 }));
    expect((await send(core, inc.id, 'initial', '2026-11-23T02:00:00Z')).ok).toBe(true);
    expect(await send(core, inc.id, 'followup', '2026-11-23T01:50:00Z')).toMatchObject({
      ok: false,
      error: {
        code: 'report.out_of_order',
        params: { sentAt: '2026-11-23 09:50', previous: '初报', previousAt: '2026-11-23 10:00' },
        issues: [{ path: 'sentAt', code: 'before_previous_report' }],
      },
    });
    const f = await core.call('reports.draft', { incidentId: inc.id, kind: 'followup' });
    // The same minute as the 初报 is in order.
    expect(
      (await core.service.invoke('reports.send', { id: f.id, sentAt: '2026-11-23T02:00:00Z', ...sendMeta })).ok,
    ).toBe(true);
  });
});

describe('正在核实 and 不涉及', () => {
  it('accepts 正在核实 for 初报 and 续报 without override, asks for a figure at the 终报', async () => {
    const core = await openTestCore({ start: '2026-11-23T03:00:00Z' });
    const inc = await core.call(
      'incidents.create',
      chemicalFire({ economicLoss: null, lossVerifying: true, involvedUnit: '不涉及' }),
    );
    expect((await send(core, inc.id, 'initial', '2026-11-23T02:00:00Z')).ok).toBe(true);
    expect((await send(core, inc.id, 'followup', '2026-11-23T02:30:00Z')).ok).toBe(true);
    const final = await send(core, inc.id, 'final', '2026-11-23T02:50:00Z');
    expect(final).toMatchObject({
      ok: false,
      error: { code: 'report.missing_fields', issues: [{ path: 'economicLoss', code: 'figure_for_final' }] },
    });
    // A figure answers it (and drops the 正在核实 mark).
    const cur = (await core.call('incidents.get', { id: inc.id })).incident;
    const amended = await core.call('incidents.amend', {
      id: inc.id,
      expectedVersion: cur.version,
      reason: '核实',
      changes: { economicLoss: 1200 },
    });
    expect(amended.lossVerifying).toBeUndefined();
    const draft = (await core.call('incidents.get', { id: inc.id })).reports.find((r) => r.status === 'draft')!;
    expect(
      (await core.service.invoke('reports.send', { id: draft.id, sentAt: '2026-11-23T02:55:00Z', ...sendMeta })).ok,
    ).toBe(true);
  });

  it('never asks for an override twice for the same missing field of the same incident', async () => {
    const core = await openTestCore({ start: '2026-11-23T03:00:00Z' });
    const inc = await core.call('incidents.create', chemicalFire({ involvedUnit: '', economicLoss: 300 }));
    const d = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    const override = { leader: '李市长', reason: '先行报告' };
    await core.call('reports.send', { id: d.id, sentAt: '2026-11-23T02:00:00Z', ...sendMeta, override });
    const f = await core.call('reports.draft', { incidentId: inc.id, kind: 'followup' });
    const sent = await core.call('reports.send', { id: f.id, sentAt: '2026-11-23T02:10:00Z', ...sendMeta });
    expect(sent).toMatchObject({ overrideLeader: null, missingFields: ['involvedUnit'] });
    // A field not overridden before is still asked about.
    const cur = (await core.call('incidents.get', { id: inc.id })).incident;
    await core.call('incidents.amend', {
      id: inc.id,
      expectedVersion: cur.version,
      reason: 'r',
      changes: { measures: '' },
    });
    expect(await send(core, inc.id, 'followup', '2026-11-23T02:20:00Z')).toMatchObject({
      ok: false,
      error: { code: 'report.missing_fields', params: { fields: '已采取的措施' } },
    });
  });
});

describe('补报 through the API', () => {
  it('fire with the 终报 on day 2: a death on day 6 reopens for a 补报, a death on day 8 does not', async () => {
    // Occurred 08:50 local 23 Nov (day 0); 终报 on day 2.
    const core = await openTestCore({ start: '2026-11-25T02:00:00Z' });
    const inc = await core.call(
      'incidents.create',
      chemicalFire({ subtype: '仓库火灾', economicLoss: 500, receivedAt: '2026-11-23T01:05:00Z' }),
    );
    expect((await send(core, inc.id, 'initial', '2026-11-25T01:00:00Z')).ok).toBe(true);
    expect((await send(core, inc.id, 'final', '2026-11-25T01:30:00Z')).ok).toBe(true);
    const amendDeaths = async (deaths: number) => {
      const cur = (await core.call('incidents.get', { id: inc.id })).incident;
      return core.call('incidents.amend', {
        id: inc.id,
        expectedVersion: cur.version,
        reason: 'r',
        changes: { casualties: { ...cur.casualties, deaths } },
      });
    };
    core.clock.set('2026-11-29T02:00:00Z'); // day 6
    expect((await amendDeaths(4)).supplementaryDueFrom).toBe('2026-11-29T02:00:00.000Z');
    const s = await core.call('reports.draft', { incidentId: inc.id, kind: 'supplementary' });
    await core.call('reports.send', { id: s.id, sentAt: core.clock.now().toISOString(), ...sendMeta });
    // A change of the loss alone never asks for a 补报.
    expect((await core.call('incidents.get', { id: inc.id })).incident.status).toBe('closed');
    const cur = (await core.call('incidents.get', { id: inc.id })).incident;
    const loss = await core.call('incidents.amend', {
      id: inc.id,
      expectedVersion: cur.version,
      reason: 'r',
      changes: { economicLoss: 900 },
    });
    expect([loss.status, loss.supplementaryDueFrom]).toEqual(['closed', null]);
    core.clock.set('2026-12-01T02:00:00Z'); // day 8
    const late = await amendDeaths(5);
    expect([late.status, late.supplementaryDueFrom]).toEqual(['closed', null]);
  });
});

describe('migration 070', () => {
  sqliteOnly.it(
    'an SQLite database at version 60',
    'rebuilds the reports table of a version-60 database with its rows, still verifying, and takes phone reports',
    async () => {
      const { dir, clock, old, service } = await serviceAtVersion(60, '2026-11-23T03:00:00Z');
      const created = await service.invoke('incidents.create', chemicalFire({ economicLoss: 800 }));
      const inc = (created as { value: { id: number } }).value;
      const draft = (await service.invoke('reports.draft', { incidentId: inc.id, kind: 'initial' })) as {
        value: { id: number };
      };
      // (Sending needs this version's tables; the draft row is carried over as it stands.)
      const before = old.prepare('SELECT * FROM reports').all();
      old.close();

      const core = await openTestCore({ dir, clock });
      expect(await core.sql.all('SELECT * FROM reports')).toEqual(
        before.map((r) => ({ ...(r as object), call_id: null })),
      );
      expect((await core.call('audit.verify', {})).ok).toBe(true);
      // The sample plans, as seeded, now mark their reporting items.
      const chem = (await core.call('plans.list', {})).find((p) => p.name === '危险化学品事故应急预案')!;
      const doc = (await core.call('plans.get', { id: chem.id })).doc;
      expect(chem.version).toBe(2);
      expect(doc.levels.III.filter((i) => i.satisfiedBy).map((i) => [i.id, i.satisfiedBy])).toEqual([
        ['report-phone', 'phone'],
        ['written', 'initial'],
        ['followup', 'followup'],
      ]);
      await core.call('calls.create', phoneCall(inc.id, '2026-11-23T01:20:00Z'));
      await core.call('reports.send', { id: draft.value.id, sentAt: '2026-11-23T02:00:00Z', ...sendMeta });
      await expectRefused(core, "UPDATE reports SET recipient_unit = 'x' WHERE kind = 'phone'", [], /never edited/);
      expect((await core.call('audit.verify', {})).ok).toBe(true);
    },
  );
});
