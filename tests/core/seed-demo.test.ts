import { describe, expect, it } from 'vitest';
import { openTestCore } from './helpers';

describe('seed-demo', () => {
  it('fills an empty duty room with a living fortnight through the service methods', async () => {
    // 2026-11-28 10:20 in Shanghai.
    const core = await openTestCore({ start: '2026-11-28T02:20:00Z' });
    expect(await core.call('app.isEmpty', {})).toEqual({ empty: true });
    const summary = await core.call('app.seedDemo', {});
    expect(summary).toMatchObject({ people: 9, incidents: 12, handovers: 4, pin: '123456' });
    expect(summary.reports).toBeGreaterThanOrEqual(20);
    expect(summary.dailyReport?.fileName).toMatch(/\.docx$/);
    expect(await core.call('app.isEmpty', {})).toEqual({ empty: false });

    const page = await core.call('incidents.list', { limit: 50 });
    expect(page.total).toBe(12);
    // Two weeks of Chinese incidents, the older ones closed by their 终报, the recent ones still open.
    const received = page.items.map((i) => i.receivedAt).sort();
    expect(Date.parse(received.at(-1)!) - Date.parse(received[0]!)).toBeGreaterThan(12 * 86_400_000);
    expect(page.items.filter((i) => i.status === 'closed').length).toBeGreaterThanOrEqual(6);
    expect(page.items.filter((i) => i.status === 'open').length).toBeGreaterThanOrEqual(3);
    expect(page.items.every((i) => /[\u4e00-\u9fff]/.test(i.title))).toBe(true);

    const explosion = page.items.find((i) => i.title.includes('化工厂爆炸'))!;
    const detail = await core.call('incidents.get', { id: explosion.id });
    expect(detail.reports.map((r) => `${r.kind}:${r.status}`)).toEqual([
      'initial:sent',
      'followup:sent',
      'followup:sent',
    ]);
    expect(detail.incident.casualties.deaths).toBe(4);
    expect(detail.calls.length).toBeGreaterThanOrEqual(2);
    expect(detail.instructions[0]?.actions.map((a) => a.kind)).toEqual(['relay', 'feedback']);
    expect((await core.call('activations.active', {})).length).toBeGreaterThanOrEqual(1);

    // Today's gas leak is open and still waiting for its first report: the console has work to show.
    const open = await core.call('deadlines.open', {});
    expect(open.some((d) => d.incidentTitle.includes('燃气管道'))).toBe(true);
    const handovers = await core.call('handover.list', { query: '' });
    expect(handovers.filter((h) => h.status === 'reviewed')).toHaveLength(4);
    expect((await core.call('operator.current', {})).session?.name).toBeTruthy();
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses a database that already holds records', async () => {
    const core = await openTestCore({ start: '2026-11-28T02:20:00Z' });
    await core.call('people.save', { name: '张伟', roles: ['lead'] });
    const r = await core.service.invoke('app.seedDemo', {});
    expect(r.ok ? null : r.error).toMatchObject({ code: 'conflict', params: { reason: 'not_empty' } });
    expect((await core.call('incidents.list', {})).total).toBe(0);
  });
});
