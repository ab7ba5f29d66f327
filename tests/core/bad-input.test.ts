import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../electron/core/contract';
import { openTestCore } from './helpers';
import { chemicalFire } from './fixtures';

/** Every probe must come back as a validation error naming the field — never an internal error. */
const probes: [MethodName, unknown, string][] = [
  ['roster.month', { month: '9999-12' }, 'month'],
  ['roster.month', { month: '2026-13' }, 'month'],
  ['exports.roster', { month: '9999-12', format: 'xlsx' }, 'month'],
  ['exports.preview', { kind: 'daily', period: { date: '2024-02-31' } }, 'period.date'],
  ['exports.log', { from: '2024-02-31', to: '2024-03-01', format: 'csv' }, 'from'],
  ['exports.log', { from: '9999-12-31', to: '9999-12-31', format: 'csv' }, 'from'],
  ['handover.draft', { date: '9999-12-31' }, 'date'],
  ['handover.draft', { date: '2023-02-29' }, 'date'],
  ['incidents.list', { from: '9999-12-31T23:00:00Z' }, 'from'],
  ['incidents.list', { from: '2024-02-31T10:00:00Z' }, 'from'],
  ['incidents.create', chemicalFire({ occurredAt: '2024-02-31T10:00:00Z' }), 'occurredAt'],
  ['calls.create', { incidentId: null, at: 'now', direction: 'in', party: 'x', number: '', gist: 'x' }, 'at'],
];

describe('bad input', () => {
  it.each(probes)('%s %j is a validation error on its field', async (method, input, path) => {
    const core = await openTestCore();
    const r = await core.service.invoke(method, input as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    const issues = (r as { error: { issues: { path: string }[] } }).error.issues;
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it('refuses negative or non-numeric casualty figures instead of reading them as 0', async () => {
    const core = await openTestCore();
    for (const deaths of [-1, '3', 1.5, null]) {
      const r = await core.service.invoke('incidents.create', {
        ...chemicalFire(),
        casualties: { ...chemicalFire().casualties, deaths },
      } as never);
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'casualties.deaths' }] } });
    }
  });

  it('asks a relay (传达) to name its recipient', async () => {
    const core = await openTestCore();
    const ins = await core.call('instructions.create', {
      incidentId: null,
      leader: '李市长',
      givenAt: '2026-11-23T00:30:00Z',
      text: '全力救治伤员',
    });
    const r = await core.service.invoke('instructions.addAction', {
      instructionId: ins.id,
      kind: 'relay',
      at: '2026-11-23T00:40:00Z',
      party: ' ',
      text: '',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'party', code: 'relay_recipient' }] },
    });
    const ok = await core.call('instructions.addAction', {
      instructionId: ins.id,
      kind: 'relay',
      at: '2026-11-23T00:40:00Z',
      party: '市卫健委',
      text: '',
    });
    expect(ok.actions[0]).toMatchObject({ kind: 'relay', party: '市卫健委' });
  });

  it('answers text a shared database cannot hold (a NUL character) as bad input, never as an internal error', async () => {
    const core = await openTestCore();
    for (const [method, input] of [
      ['handover.list', { query: '\u0000', limit: 7 }],
      ['search.query', { q: '火\u0000灾', limit: 30 }],
    ] as const) {
      const r = await core.service.invokeRaw(method, input);
      // SQLite stores and searches it (nothing matches); PostgreSQL refuses it as input it cannot hold.
      if (!r.ok) expect(r.error.code, method).toBe('validation');
    }
  });
});
