import { describe, expect, it } from 'vitest';
import { openTestCore } from './helpers';
import { expectRefused } from './refused';
import { chemicalFire } from './fixtures';

const sendMeta = {
  channel: 'edoc' as const,
  recipientUnit: '省应急管理厅',
  approvingLeader: '李市长',
  sender: '王值班',
};

async function withIncident(overrides = {}) {
  const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
  const inc = await core.call('incidents.create', chemicalFire({ economicLoss: 800, ...overrides }));
  return { core, inc };
}

describe('report chain', () => {
  it('sends an initial report as a frozen snapshot and meets the deadlines', async () => {
    const { core, inc } = await withIncident();
    const draft = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    core.clock.advance(15 * 60_000);
    const sent = await (
      await core
    ).call('reports.send', { id: draft.id, sentAt: core.clock.now().toISOString(), ...sendMeta });
    expect(sent).toMatchObject({ status: 'sent', kind: 'initial', sentAt: '2026-11-23T01:25:00.000Z' });
    expect(sent.snapshot.casualties.deaths).toBe(3);

    await (
      await core
    ).call('incidents.amend', {
      id: inc.id,
      expectedVersion: 1,
      reason: '伤亡更新',
      changes: { casualties: { ...inc.casualties, deaths: 4 } },
    });
    const detail = await core.call('incidents.get', { id: inc.id });
    expect(detail.reports[0]!.snapshot.casualties.deaths).toBe(3); // frozen
    expect(detail.deadlines.find((d) => d.kind === 'phone')!.doneAt).toBe('2026-11-23T01:25:00.000Z');
    expect(detail.deadlines.find((d) => d.kind === 'written')!.doneAt).toBe('2026-11-23T01:25:00.000Z');
    expect(detail.deadlines.find((d) => d.kind === 'followup')!.dueAt).toBe('2026-11-23T13:25:00.000Z');

    await expectRefused(core, "UPDATE reports SET recipient_unit = 'x' WHERE id = ?", [sent.id], /never edited/);
    const again = await core.service.invoke('reports.update', { id: sent.id, changes: 'x' });
    expect(again).toMatchObject({ ok: false, error: { code: 'report.not_draft' } });
  });

  it('pre-fills a follow-up with what changed since the last report, numbered 续报一, 续报二', async () => {
    const { core, inc } = await withIncident();
    const d0 = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    await core.call('reports.send', { id: d0.id, sentAt: '2026-11-23T01:10:00Z', ...sendMeta });
    await (
      await core
    ).call('incidents.amend', {
      id: inc.id,
      expectedVersion: 1,
      reason: 'r',
      changes: { casualties: { ...inc.casualties, deaths: 4 }, level: 'III' },
    });
    const f1 = await core.call('reports.draft', { incidentId: inc.id, kind: 'followup' });
    expect(f1.seq).toBe(1);
    // Written as an officer writes a 续报, not as a field diff (the diff stays in the history).
    expect(f1.changes).toMatch(/^截至\d{1,2}时\d\d分，死亡人数由3人增至4人。$/);
    expect(f1.recipientUnit).toBe('省应急管理厅');
    await core.call('reports.send', { id: f1.id, sentAt: '2026-11-23T01:10:00Z', ...sendMeta });
    const f2 = await core.call('reports.draft', { incidentId: inc.id, kind: 'followup' });
    expect(f2.seq).toBe(2);
  });

  it('enforces the chain order and one draft at a time', async () => {
    const { core, inc } = await withIncident();
    expect(await core.service.invoke('reports.draft', { incidentId: inc.id, kind: 'followup' })).toMatchObject({
      ok: false,
      error: { code: 'report.order' },
    });
    const d = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    expect((await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' })).id).toBe(d.id);
    expect(await core.service.invoke('reports.draft', { incidentId: inc.id, kind: 'final' })).toMatchObject({
      ok: false,
      error: { code: 'report.draft_exists' },
    });
  });

  it('refuses to send with empty required fields unless a leader overrides, and logs the override', async () => {
    const { core, inc } = await withIncident({ involvedUnit: '', economicLoss: null });
    const d = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    const refused = await (
      await core
    ).service.invoke('reports.send', {
      id: d.id,
      sentAt: '2026-11-23T01:10:00Z',
      ...sendMeta,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'report.missing_fields', params: { fields: '事发单位、直接经济损失（万元）' } },
    });
    const sent = await (
      await core
    ).call('reports.send', {
      id: d.id,
      sentAt: '2026-11-23T01:10:00Z',
      ...sendMeta,
      override: { leader: '李市长', reason: '情况紧急，先行报告' },
    });
    expect(sent).toMatchObject({ overrideLeader: '李市长', missingFields: ['involvedUnit', 'economicLoss'] });
    const kinds = await core.sql.column("SELECT kind FROM audit_log WHERE kind LIKE 'report.send%'");
    expect(kinds).toEqual(['report.send_override']);
  });

  it('closes the incident with the final report and reopens it for a 补报 when casualties change within 7 days (fire)', async () => {
    const { core, inc } = await withIncident({ subtype: '火灾' });
    for (const kind of ['initial', 'final'] as const) {
      const d = await core.call('reports.draft', { incidentId: inc.id, kind });
      await (
        await core
      ).call('reports.send', {
        id: d.id,
        sentAt: core.clock.now().toISOString(),
        ...sendMeta,
        ...(kind === 'final' ? {} : {}),
      });
    }
    let detail = await core.call('incidents.get', { id: inc.id });
    expect(detail.incident.status).toBe('closed');
    expect(detail.deadlines.find((d) => d.kind === 'followup')).toBeUndefined();

    core.clock.advance(6 * 86_400_000);
    const v = detail.incident.version;
    await (
      await core
    ).call('incidents.amend', {
      id: inc.id,
      expectedVersion: v,
      reason: '伤者抢救无效死亡',
      changes: { casualties: { ...inc.casualties, deaths: 4 } },
    });
    detail = await core.call('incidents.get', { id: inc.id });
    expect(detail.incident.status).toBe('open');
    const supp = detail.deadlines.find((d) => d.kind === 'supplementary')!;
    expect(supp.doneAt).toBeNull();
    const s = await core.call('reports.draft', { incidentId: inc.id, kind: 'supplementary' });
    expect(s.changes).toMatch(/^截至\d{1,2}时\d\d分，死亡人数由3人增至4人。$/);
    await core.call('reports.send', { id: s.id, sentAt: core.clock.now().toISOString(), ...sendMeta });
    expect((await core.call('incidents.get', { id: inc.id })).incident.status).toBe('closed');

    // After the window a change is recorded but needs no 补报.
    (
      await // After the window a change is recorded but needs no 补报.
      core
    ).clock.advance(8 * 86_400_000);
    const cur = (await core.call('incidents.get', { id: inc.id })).incident;
    await (
      await core
    ).call('incidents.amend', {
      id: inc.id,
      expectedVersion: cur.version,
      reason: 'r',
      changes: { casualties: { ...inc.casualties, deaths: 5 } },
    });
    expect((await core.call('incidents.get', { id: inc.id })).incident.status).toBe('closed');
  });

  it('lists open deadlines overdue first and turns a follow-up overdue as time passes', async () => {
    const { core, inc } = await withIncident();
    const d = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    await core.call('reports.send', { id: d.id, sentAt: '2026-11-23T01:10:00Z', ...sendMeta });
    const other = await core.call('incidents.create', chemicalFire({ title: '另一起', level: 'IV' }));
    let open = await core.call('deadlines.open', {});
    expect(open.map((o) => [o.incidentId, o.kind, o.state])).toEqual([
      [other.id, 'phone', 'on_time'],
      [other.id, 'written', 'on_time'],
      [inc.id, 'followup', 'on_time'],
    ]);
    core.clock.set('2026-11-23T13:30:00Z');
    open = await core.call('deadlines.open', {});
    expect(open[0]).toMatchObject({ state: 'overdue' });
    expect(open.find((o) => o.incidentId === inc.id)).toMatchObject({ kind: 'followup', state: 'overdue' });
  });

  it('versions the deadline rules with their source', async () => {
    const core = await openTestCore();
    const before = await core.call('deadlines.rules', {});
    expect(before.version).toBe(0);
    const next = await core.call('deadlines.updateRules', {
      source: '某省突发事件信息报送办法（2024）',
      rules: { ...before.rules, III: { phoneMinutes: 30, writtenMinutes: 60, followupMinutes: 480 } },
    });
    expect(next).toMatchObject({ version: 1, source: '某省突发事件信息报送办法（2024）' });
    const bad = await core.service.invoke('deadlines.updateRules', {
      source: 'x',
      rules: { ...before.rules, IV: { phoneMinutes: 60, writtenMinutes: 30, followupMinutes: 0 } },
    });
    expect(bad.ok).toBe(false);
  });
});

describe('report drafts ready to send', () => {
  it('start addressed to the 上级值班室 from Settings and preview as the 专报 they become, storing nothing', async () => {
    const { core, inc } = await withIncident();
    await core.call('settings.update', { reportRecipient: '辽宁省人民政府总值班室' });
    const draft = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    expect(draft.recipientUnit).toBe('辽宁省人民政府总值班室');
    const entries = (await core.call('app.info', {})).auditEntries;
    const preview = await core.call('reports.preview', { id: draft.id, approvingLeader: '李市长' });
    expect(preview.title).toContain('初报');
    expect(preview.html).toContain('辽宁省人民政府总值班室');
    // GB/T 9704 7.2.4 (main's documents): the 签发人's name is set in 楷体, its own span on that line.
    expect(preview.html).toMatch(/签发人：<span class="kaiti">李市长<\/span>/);
    expect(preview.html).toContain(chemicalFire().place);
    expect((await core.call('app.info', {})).auditEntries).toBe(entries);
    expect((await core.call('incidents.get', { id: inc.id })).reports[0]!.status).toBe('draft');
  });
});
