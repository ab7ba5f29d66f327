import { describe, expect, it } from 'vitest';
import { importIncidents } from '../../electron/core/incidents/import-file';
import { rebuildOpenDeadlines } from '../../electron/core/incidents/open-deadlines';
import { openTestCore, serviceAtVersion, sqliteOnly, type TestCore } from './helpers';
import { chemicalFire } from './fixtures';

const sendMeta = { recipientUnit: '省应急管理厅', approvingLeader: '李市长', sender: '王值班' };

/** What incidents.get computes live for every open incident: the reference the maintained table must match. */
async function liveUnmet(core: TestCore): Promise<string[]> {
  const open = await core.call('incidents.list', { status: 'open', limit: 200 });
  const out: string[] = [];
  for (const item of open.items) {
    const detail = await core.call('incidents.get', { id: item.id });
    for (const d of detail.deadlines) if (!d.doneAt) out.push(`${item.id}:${d.kind}:${d.dueAt}`);
  }
  return out.sort();
}

async function summarised(core: TestCore): Promise<string[]> {
  const s = await core.call('deadlines.summary', {});
  return s.deadlines.map((d) => `${d.incidentId}:${d.kind}:${d.dueAt}`).sort();
}

describe('home screen data from the maintained open-deadline table', () => {
  it('matches the live computation after every kind of write', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    const fire = await core.call('incidents.create', chemicalFire({ economicLoss: 120 }));
    const minor = await core.call('incidents.create', chemicalFire({ title: '一般事件', level: 'IV' }));
    const doomed = await core.call('incidents.create', chemicalFire({ title: '误报', level: 'IV' }));
    expect(await summarised(core)).toEqual(await liveUnmet(core));
    expect(await summarised(core)).toHaveLength(6);

    // The initial report by phone meets the phone deadline only and starts the follow-up clock.
    const initial = await core.call('reports.draft', { incidentId: fire.id, kind: 'initial' });
    await core.call('reports.send', { id: initial.id, sentAt: '2026-11-23T01:20:00Z', channel: 'phone', ...sendMeta });
    expect(await summarised(core)).toEqual(await liveUnmet(core));
    expect(await summarised(core)).toContain(`${fire.id}:followup:2026-11-23T13:20:00.000Z`);

    // Regrading moves the clock; voiding and a final report take an incident off the list.
    await core.call('incidents.amend', { id: minor.id, expectedVersion: 1, reason: '核实', changes: { level: 'II' } });
    await core.call('incidents.void', { id: doomed.id, expectedVersion: 1, reason: '误报' });
    const final = await core.call('reports.draft', { incidentId: fire.id, kind: 'final' });
    await core.call('reports.send', { id: final.id, sentAt: '2026-11-23T01:50:00Z', channel: 'edoc', ...sendMeta });
    expect(await summarised(core)).toEqual(await liveUnmet(core));
    // Raised to 重大 at 02:00: the phone deadline (01:35 on the new clock) is due from the raise, never back-dated.
    expect(await summarised(core)).toEqual([
      `${minor.id}:phone:2026-11-23T02:00:00.000Z`,
      `${minor.id}:written:2026-11-23T02:05:00.000Z`,
    ]);
    // At the raise the phone report is due now; a minute later it is overdue, the written one still due soon.
    core.clock.advance(60_000);
    const s = await core.call('deadlines.summary', {});
    expect(s.counts).toMatchObject({ overdue: 1, dueSoon: 1, openIncidents: 1, stale: 0 });
    expect(s.deadlines.map((d) => d.state)).toEqual(['overdue', 'due_soon']);
  });

  it('moves every open deadline when the rules change, in the same write', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    const inc = await core.call('incidents.create', chemicalFire({ level: 'IV' }));
    const rules = await core.call('deadlines.rules', {});
    await core.call('deadlines.updateRules', {
      source: '某市值班信息报送规定',
      rules: { ...rules.rules, IV: { phoneMinutes: 20, writtenMinutes: 90, followupMinutes: 600 } },
    });
    expect(await summarised(core)).toEqual([
      `${inc.id}:phone:2026-11-23T01:25:00.000Z`,
      `${inc.id}:written:2026-11-23T02:35:00.000Z`,
    ]);
    expect(await summarised(core)).toEqual(await liveUnmet(core));
  });

  it('offers incidents quiet for 30 days for closing instead of listing their deadlines', async () => {
    const core = await openTestCore({ start: '2026-10-01T02:00:00Z' });
    const old = await core.call(
      'incidents.create',
      chemicalFire({ title: '旧事件', occurredAt: '2026-10-01T01:00:00Z', receivedAt: '2026-10-01T01:30:00Z' }),
    );
    core.clock.set('2026-11-23T02:00:00Z');
    const fresh = await core.call('incidents.create', chemicalFire({ title: '新事件' }));
    // Recording last year's incident today (an import) is not activity: its receipt is.
    await importIncidents(core.service.ctx, [
      JSON.stringify(
        chemicalFire({
          title: '导入的旧事件',
          occurredAt: '2025-05-01T00:00:00Z',
          receivedAt: '2025-05-01T00:30:00Z',
        }),
      ),
    ]);
    const imported = (await core.call('incidents.list', { q: '导入的旧事件' })).items[0];
    const s = await core.call('deadlines.summary', {});
    expect(new Set(s.deadlines.map((d) => d.incidentId))).toEqual(new Set([fresh.id]));
    expect(s.stale.map((i) => [i.id, i.lastActivityAt])).toEqual([
      [imported!.id, '2025-05-01T00:30:00.000Z'],
      [old.id, '2026-10-01T01:30:00.000Z'],
    ]);
    expect(s.counts).toMatchObject({ openIncidents: 1, stale: 2, staleCapped: false });
    // Any activity makes it current again.
    await core.call('reports.draft', { incidentId: old.id, kind: 'initial' });
    const after = await core.call('deadlines.summary', {});
    expect(after.stale.map((i) => i.id)).toEqual([imported!.id]);
    expect(after.deadlines.some((d) => d.incidentId === old.id && d.state === 'overdue')).toBe(true);
  });

  it('an import writes the rows a refresh computes, whatever each line brings', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    // Rules other than the defaults: the import must use the ones in force.
    const rules = await core.call('deadlines.rules', {});
    await core.call('deadlines.updateRules', {
      source: '某市值班信息报送规定',
      rules: { ...rules.rules, III: { phoneMinutes: 25, writtenMinutes: 50, followupMinutes: 300 } },
    });
    const t = (minutes: number) => new Date(Date.parse('2026-11-20T00:00:00Z') + minutes * 60_000).toISOString();
    const send = (kind: string, at: number, channel = 'edoc') => ({
      kind,
      sentAt: t(at),
      channel,
      recipientUnit: '省应急管理厅',
      approvingLeader: '李市长',
      sender: '王值班',
    });
    const lines = [
      chemicalFire({ title: '无报告', level: 'IV', occurredAt: t(0), receivedAt: t(10) }),
      chemicalFire({ title: '敏感', level: 'IV', sensitive: true, occurredAt: t(0), receivedAt: t(10) }),
      // Left 未定级 with figures that grade it: the graded level decides the clock.
      chemicalFire({
        title: '按伤亡定级',
        level: 'unrated',
        casualties: { deaths: 12, missing: 0, seriouslyInjured: 0, injured: 0, trapped: 0, evacuated: 0 },
        occurredAt: t(0),
        receivedAt: t(5),
      }),
      {
        ...chemicalFire({ title: '电话初报', economicLoss: 30, occurredAt: t(0), receivedAt: t(5) }),
        reports: [send('initial', 20, 'phone')],
      },
      {
        ...chemicalFire({ title: '已续报', economicLoss: 30, occurredAt: t(0), receivedAt: t(5) }),
        reports: [send('initial', 20), send('followup', 400)],
      },
      {
        ...chemicalFire({ title: '已终报', economicLoss: 30, occurredAt: t(0), receivedAt: t(5) }),
        reports: [send('initial', 20), send('final', 900)],
      },
    ].map((l) => JSON.stringify(l));
    await importIncidents(core.service.ctx, lines);
    const tables = async () => ({
      open: await core.service.ctx.sql.all('SELECT * FROM open_incidents ORDER BY incident_id'),
      due: await core.service.ctx.sql.all('SELECT * FROM open_deadlines ORDER BY incident_id, kind'),
    });
    const imported = await tables();
    // Five open (the 终报 closed one), and each kind of clock is there.
    expect(imported.open).toHaveLength(5);
    expect(new Set(imported.due.map((d) => (d as { kind: string }).kind))).toEqual(
      new Set(['phone', 'written', 'followup']),
    );
    await core.service.ctx.tx((ctx) => rebuildOpenDeadlines(ctx));
    expect(await tables()).toEqual(imported);
    expect(await summarised(core)).toEqual(await liveUnmet(core));
  });

  sqliteOnly.it(
    'an SQLite database from before migration 100',
    'builds the table for incidents recorded before migration 100',
    async () => {
      const { dir, clock, old, service } = await serviceAtVersion(60, '2026-11-23T02:00:00Z');
      const r = await service.invoke('incidents.create', chemicalFire());
      expect(r.ok).toBe(true);
      old.close();

      const core = await openTestCore({ dir, clock });
      expect(await summarised(core)).toHaveLength(2);
      expect(await summarised(core)).toEqual(await liveUnmet(core));
      expect((await core.call('audit.verify', {})).ok).toBe(true);
    },
  );
});
