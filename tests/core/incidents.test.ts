import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestCore, sqliteOnly } from './helpers';
import { chemicalFire } from './fixtures';

describe('incidents', () => {
  it('creates an incident with a yearly number, attributed, and audited', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
    const inc = await core.call('incidents.create', chemicalFire());
    expect(inc).toMatchObject({ id: 1, number: '2026-0001', status: 'open', version: 1, level: 'III' });
    const second = await core.call('incidents.create', chemicalFire({ title: '第二起' }));
    expect(second.number).toBe('2026-0002');
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('rejects future times, received before occurred, negative casualties, unknown enums and 10 MB text, storing nothing', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
    const bad = async (input: unknown) => {
      const r = await core.service.invokeRaw('incidents.create', input);
      expect(r.ok).toBe(false);
      return r.ok ? [] : (r.error.issues ?? []).map((i) => `${i.path}:${i.code}`);
    };
    expect(await bad(chemicalFire({ receivedAt: '2026-11-23T03:00:00Z', occurredAt: '2026-11-23T02:00:00Z' }))).toEqual(
      ['occurredAt:in_future', 'receivedAt:in_future'],
    );
    expect(await bad(chemicalFire({ occurredAt: '2026-11-23T01:06:00Z' }))).toEqual(['receivedAt:before_occurred']);
    expect(await bad(chemicalFire({ casualties: { ...chemicalFire().casualties, deaths: -1 } }))).toEqual([
      'casualties.deaths:too_small',
    ]);
    expect(await bad({ ...chemicalFire(), level: 'V', category: 'alien' })).toEqual([
      'category:invalid_option',
      'level:invalid_option',
    ]);
    expect(await bad(chemicalFire({ summary: '火'.repeat(10 * 1024 * 1024) }))).toEqual(['summary:too_long']);
    expect(await bad({ ...chemicalFire(), title: undefined })).toEqual(['title:required']);
    expect(await core.sql.value('SELECT count(*) FROM incidents')).toBe(0);
  });

  it('amends as a new version with who/when/why, keeping every field history', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
    const inc = await core.call('incidents.create', chemicalFire());
    core.clock.advance(30 * 60_000);
    const amended = await core.call('incidents.amend', {
      id: inc.id,
      expectedVersion: 1,
      reason: '消防支队续报伤亡',
      changes: { casualties: { ...inc.casualties, deaths: 4 }, level: 'III' },
    });
    expect(amended.version).toBe(2);
    const detail = await core.call('incidents.get', { id: inc.id });
    expect(detail.versions).toHaveLength(2);
    expect(detail.versions[1]).toMatchObject({
      kind: 'amended',
      reason: '消防支队续报伤亡',
      at: '2026-11-23T01:40:00.000Z',
      changes: [{ field: 'casualties.deaths', before: 3, after: 4 }],
      suggestedLevel: 'III',
    });
    expect(detail.timeline.map((t) => t.kind)).toEqual(['occurred', 'received', 'amended']);
  });

  it('refuses a stale amendment (two officers) and amendments to a voided incident', async () => {
    const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
    const inc = await core.call('incidents.create', chemicalFire());
    await core.call('incidents.amend', {
      id: inc.id,
      expectedVersion: 1,
      reason: 'a',
      changes: { district: '江南区' },
    });
    const stale = await core.service.invoke('incidents.amend', {
      id: inc.id,
      expectedVersion: 1,
      reason: 'b',
      changes: { district: '江东区' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const noop = await core.service.invoke('incidents.amend', {
      id: inc.id,
      expectedVersion: 2,
      reason: 'c',
      changes: { district: '江南区' },
    });
    expect(noop).toMatchObject({ ok: false, error: { code: 'incident.no_changes' } });
    const voided = await core.call('incidents.void', { id: inc.id, expectedVersion: 2, reason: '重复录入' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: '重复录入' });
    const after = await core.service.invoke('incidents.amend', {
      id: inc.id,
      expectedVersion: 3,
      reason: 'd',
      changes: { district: '江东区' },
    });
    expect(after).toMatchObject({ ok: false, error: { code: 'incident.voided' } });
    // Voided incidents stay visible.
    expect((await core.call('incidents.list', { status: 'voided' })).total).toBe(1);
    const forged = await core.service.invoke('incidents.get', { id: 999 });
    expect(forged).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  sqliteOnly.it(
    'the SQLite triggers; PostgreSQL: pg-schema.test.ts',
    'never lets the database change a version or delete an incident',
    async () => {
      const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
      await core.call('incidents.create', chemicalFire());
      const raw = new Database(core.file);
      expect(() => raw.prepare("UPDATE incident_versions SET reason = 'x'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM incidents').run()).toThrow(/never deleted/);
      raw.close();
    },
  );

  sqliteOnly.it(
    'edits the SQLite file; PostgreSQL: pg-verify.test.ts',
    'detects an incident edited behind the app',
    async () => {
      const core = await openTestCore({ start: '2026-11-23T01:10:00Z' });
      const inc = await core.call('incidents.create', chemicalFire());
      const raw = new Database(core.file);
      raw.prepare("UPDATE incidents SET facts = json_set(facts, '$.casualties.deaths', 0) WHERE id = ?").run(inc.id);
      raw.close();
      const v = await core.call('audit.verify', {});
      expect(v.firstProblem).toMatchObject({ kind: 'row_changed', table: 'incidents', rowId: String(inc.id) });
    },
  );

  it('pages newest first with filters and a stable keyset cursor', async () => {
    const core = await openTestCore({ start: '2026-11-24T00:00:00Z' });
    for (let i = 0; i < 7; i++) {
      await core.call(
        'incidents.create',
        chemicalFire({
          title: `事件${i}`,
          receivedAt: new Date(Date.parse('2026-11-23T01:05:00Z') + i * 3_600_000).toISOString(),
          level: i % 2 ? 'IV' : 'III',
        }),
      );
    }
    const p1 = await core.call('incidents.list', { limit: 3 });
    expect(p1.total).toBe(7);
    expect(p1.items.map((i) => i.title)).toEqual(['事件6', '事件5', '事件4']);
    const p2 = await core.call('incidents.list', { limit: 3, cursor: p1.nextCursor! });
    expect(p2.items.map((i) => i.title)).toEqual(['事件3', '事件2', '事件1']);
    const p3 = await core.call('incidents.list', { limit: 3, cursor: p2.nextCursor! });
    expect(p3.items.map((i) => i.title)).toEqual(['事件0']);
    expect(p3.nextCursor).toBeNull();
    const iv = await core.call('incidents.list', { level: 'IV' });
    expect(iv.items.map((i) => i.title)).toEqual(['事件5', '事件3', '事件1']);
    const range = await core.call('incidents.list', { from: '2026-11-23T03:00:00Z', to: '2026-11-23T05:00:00Z' });
    expect(range.items.map((i) => i.title)).toEqual(['事件3', '事件2']);
    const badCursor = await core.service.invoke('incidents.list', { cursor: 'garbage' });
    expect(badCursor).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('incident numbers', () => {
  it('count per year past 9999 and restart in a new year, even if the clock goes back', async () => {
    const core = await openTestCore({ start: '2026-06-01T00:00:00Z' });
    await core.sql.run(
      `INSERT INTO incidents (id, number, status, version, received_at, category, level, district, title, facts, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 'open', 1, '2026-01-01T00:00:00Z', 'accident', 'IV', '', 't', '{}', 'x', 'x', 'x', 'x')`,
      [1, '2026-9999'],
    );
    const a = await core.call(
      'incidents.create',
      chemicalFire({ receivedAt: '2026-06-01T00:00:00Z', occurredAt: '2026-06-01T00:00:00Z' }),
    );
    expect(a.number).toBe('2026-10000');
    core.clock.set('2027-01-01T00:00:00Z');
    const b = await core.call('incidents.create', chemicalFire());
    expect(b.number).toBe('2027-0001');
    core.clock.set('2026-12-31T00:00:00Z'); // clock set back
    const c = await core.call('incidents.create', chemicalFire());
    expect(c.number).toBe('2026-10001');
  });
});

describe('incidents.createFromCall (立为事件)', () => {
  it('creates the incident and links its call in one step; a call already linked leaves no incident behind', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    const c = await core.call('calls.create', {
      incidentId: null,
      at: '2026-11-23T01:05:00Z',
      direction: 'in',
      party: '市消防救援支队 张伟',
      number: '0571-12345678',
      gist: '化工厂储罐区起火',
    });
    const inc = await core.call('incidents.createFromCall', { ...chemicalFire(), callId: c.id });
    const detail = await core.call('incidents.get', { id: inc.id });
    expect(detail.calls.map((x) => x.id)).toEqual([c.id]);

    const again = await core.service.invoke('incidents.createFromCall', { ...chemicalFire(), callId: c.id });
    expect(again.ok ? null : again.error.code).toBe('call.already_linked');
    expect((await core.call('incidents.list', {})).total).toBe(1);
    const bad = await core.service.invoke('incidents.createFromCall', { ...chemicalFire(), title: '', callId: c.id });
    expect(bad.ok ? null : bad.error.issues?.map((i) => i.path)).toEqual(['title']);
  });
});
