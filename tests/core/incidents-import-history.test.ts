import { describe, expect, it } from 'vitest';
import { importIncidents } from '../../electron/core/incidents/import-file';
import { openTestCore, type TestCore } from './helpers';
import { chemicalFire } from './fixtures';

const facts = chemicalFire({
  occurredAt: '2025-03-01T00:50:00Z',
  receivedAt: '2025-03-01T01:05:00Z',
  economicLoss: 120,
  cause: '储罐阀门泄漏引燃',
});
const send = { channel: 'edoc', recipientUnit: '省应急管理厅', approvingLeader: '李市长', sender: '王值班' } as const;
const reports = [
  { kind: 'initial', sentAt: '2025-03-01T01:30:00Z', ...send },
  { kind: 'followup', sentAt: '2025-03-01T03:00:00Z', ...send },
  { kind: 'final', sentAt: '2025-03-02T01:00:00Z', ...send },
] as const;
const calls = [
  { at: '2025-03-01T01:10:00Z', direction: 'in', party: '市消防救援支队', number: '119', gist: '火势已控制' },
] as const;

/** What an officer sees of an incident, without the ids that differ between two databases. */
async function seen(core: TestCore, id: number) {
  const d = await core.call('incidents.get', { id });
  return { status: d.incident.status, timeline: d.timeline.map(({ refId: _refId, ...rest }) => rest) };
}

describe('import of incidents with their reports and calls', () => {
  it('shows the same timeline as the forms, closes the deadlines and keeps the chain valid', async () => {
    const start = '2026-11-24T00:00:00Z';
    const viaForms = await openTestCore({ start });
    const inc = await viaForms.call('incidents.create', facts);
    await viaForms.call('calls.create', { incidentId: inc.id, ...calls[0] });
    for (const r of reports) {
      const draft = await viaForms.call('reports.draft', { incidentId: inc.id, kind: r.kind });
      const { kind: _kind, ...input } = r;
      await viaForms.call('reports.send', { id: draft.id, ...input });
    }

    const imported = await openTestCore({ start });
    const open = {
      ...facts,
      title: '仍在处置的事件',
      occurredAt: '2025-03-05T00:50:00Z',
      receivedAt: '2025-03-05T01:05:00Z',
    };
    const r = await importIncidents(imported.service.ctx, [
      JSON.stringify({ ...facts, reports, calls }),
      JSON.stringify({ ...open, reports: [reports[0]].map((x) => ({ ...x, sentAt: '2025-03-05T01:30:00Z' })) }),
    ]);
    expect(r.count).toBe(2);

    const expected = await seen(viaForms, inc.id);
    expect(expected.status).toBe('closed');
    // occurred, received, the call, three reports, the closure
    expect(expected.timeline.length).toBeGreaterThanOrEqual(7);
    expect(await seen(imported, 1)).toEqual(expected);
    // Closed by its 终报: nothing left due; the other one still owes its 续报 and 终报.
    const due = await imported.call('deadlines.open', {});
    expect(due.some((d) => d.incidentId === 1)).toBe(false);
    expect(due.some((d) => d.incidentId === 2)).toBe(true);
    expect((await imported.call('audit.verify', {})).ok).toBe(true);
    const hits = await imported.call('search.query', { q: '火势已控制' });
    expect(hits.map((h) => h.kind)).toEqual(['call']);
  });

  it('refuses the whole file when a line breaks the reporting rules, naming the line and the field', async () => {
    const core = await openTestCore({ start: '2026-11-24T00:00:00Z' });
    const good = JSON.stringify({ ...facts, reports, calls });
    const finalFirst = JSON.stringify({ ...facts, reports: [reports[2]] });
    await expect(importIncidents(core.service.ctx, [good, finalFirst])).rejects.toThrow(
      /"line":2,"field":"reports.0.kind"/,
    );
    const beforeReceipt = JSON.stringify({ ...facts, reports: [{ ...reports[0], sentAt: '2025-03-01T01:00:00Z' }] });
    await expect(importIncidents(core.service.ctx, [good, good, beforeReceipt])).rejects.toThrow(
      /"line":3,"field":"reports.0.sentAt"/,
    );
    const badCall = JSON.stringify({ ...facts, calls: [{ ...calls[0], direction: 'sideways' }] });
    await expect(importIncidents(core.service.ctx, [badCall])).rejects.toThrow(/"line":1,"field":"calls.0.direction"/);
    expect((await core.call('incidents.list', {})).total).toBe(0);
    expect(await core.sql.value('SELECT count(*) FROM reports')).toBe(0);
  });
});
