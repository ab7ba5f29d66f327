import { describe, expect, it } from 'vitest';
import { openTestCore } from './helpers';
import { expectRefused } from './refused';
import { generateNovember, seedPeople } from './roster-fixtures';

const slot = (date: string, role: 'leader' | 'lead' | 'second' = 'lead') => ({ date, shift: 'full' as const, role });

describe('roster generation', () => {
  it('fills every day of the month in rotation order with no conflicts', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    const m = await generateNovember(core, p);
    expect(m.days).toHaveLength(30);
    expect(m.conflicts).toEqual([]);
    const leads = m.days.map((d) => d.shifts[0]!.slots.find((s) => s.role === 'lead')!.person!.name);
    expect(leads.slice(0, 4)).toEqual(['张伟', '刘洋', '张伟', '刘洋']);
    expect(m.changes[0]).toMatchObject({ kind: 'generate', by: 'unidentified' });
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('skips unavailable and inactive people, and continues the rotation into the next month', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await core.call('people.deactivate', { id: p.seconds[1]!.id });
    const m = await core.call('roster.generate', {
      month: '2026-11',
      rotations: {
        leader: p.leaders.map((x) => x.id),
        lead: p.leads.map((x) => x.id),
        second: p.seconds.map((x) => x.id),
      },
      unavailable: [{ personId: p.leads[0]!.id, from: '2026-11-01', to: '2026-11-02' }],
    });
    const day = (i: number, role: string) => m.days[i]!.shifts[0]!.slots.find((s) => s.role === role)!.person?.name;
    expect([day(0, 'lead'), day(1, 'lead'), day(2, 'lead')]).toEqual(['刘洋', '刘洋', '张伟']);
    expect(m.days.every((_, i) => day(i, 'second') === '陈静')).toBe(true);

    const { hasPin: _hasPin, pinWeak: _pinWeak, ...again } = p.seconds[1]!;
    await core.call('people.save', { ...again, active: true });
    const dec = await core.call('roster.generate', {
      month: '2026-12',
      rotations: {
        leader: p.leaders.map((x) => x.id),
        lead: p.leads.map((x) => x.id),
        second: p.seconds.map((x) => x.id),
      },
    });
    const lastNov = day(29, 'lead');
    const firstDec = dec.days[0]!.shifts[0]!.slots.find((s) => s.role === 'lead')!.person!.name;
    expect(firstDec).not.toBe(lastNov);
  });

  it('refuses to overwrite a filled month unless asked to replace it', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await generateNovember(core, p);
    const r = await core.service.invoke('roster.generate', {
      month: '2026-11',
      rotations: { leader: [p.leaders[0]!.id], lead: [p.leads[0]!.id], second: [p.seconds[0]!.id] },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'roster.month_not_empty' } });
  });

  it('adds a reinforced 副班 on holidays', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await core.call('roster.saveConfig', {
      shiftModel: { kind: '24h', handoverTime: '08:30' },
      holidays: [{ date: '2026-11-11', name: '演练日', reinforced: true }],
    });
    const m = await generateNovember(core, p);
    const d = m.days[10]!;
    expect(d.holiday?.name).toBe('演练日');
    expect(d.shifts[0]!.slots.filter((s) => s.role === 'second').map((s) => s.person?.name)).toEqual([
      expect.any(String),
      expect.any(String),
    ]);
    expect(m.conflicts).toEqual([]);
  });
});

describe('swaps, stand-ins and conflicts', () => {
  it('swaps two days with reason and approver and shows the change in the month', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await generateNovember(core, p);
    const m = await core.call('roster.swap', {
      a: slot('2026-11-03'),
      b: slot('2026-11-04'),
      reason: '家中有事',
      approver: '值班室主任',
    });
    const lead = (i: number) => m.days[i]!.shifts[0]!.slots.find((s) => s.role === 'lead')!;
    expect(lead(2).person!.name).toBe('刘洋');
    expect(lead(3).person!.name).toBe('张伟');
    expect(lead(2).source).toBe('swap');
    expect(m.changes[0]).toMatchObject({
      kind: 'swap',
      date: '2026-11-03',
      reason: '家中有事',
      approver: '值班室主任',
      summary: { from: '张伟', to: '刘洋', otherDate: '2026-11-04' },
    });
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('records a stand-in and flags a person without the role', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await generateNovember(core, p);
    const m = await core.call('roster.standIn', {
      at: slot('2026-11-05', 'second'),
      personId: p.leads[1]!.id,
      reason: '病假',
      approver: '王局长',
    });
    expect(m.changes[0]).toMatchObject({ kind: 'stand_in', summary: { to: '刘洋' } });
    expect(m.conflicts).toContainEqual(
      expect.objectContaining({ kind: 'lacks_role', date: '2026-11-05', role: 'second', personName: '刘洋' }),
    );
  });

  it('flags an empty role and a person on two roles of one shift', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await generateNovember(core, p);
    await core.call('roster.assign', {
      at: slot('2026-11-07', 'leader'),
      personId: null,
      reason: '外出开会',
      approver: '王局长',
    });
    const m = await core.call('roster.assign', {
      at: slot('2026-11-08', 'second'),
      personId: m8lead(),
      reason: '临时调整',
      approver: '王局长',
    });
    function m8lead() {
      return p.leads[1]!.id; // 刘洋 leads on the 8th (even days)
    }
    const kinds = m.conflicts.map((c) => `${c.kind}:${c.date}:${c.role}`);
    expect(kinds).toContain('empty_role:2026-11-07:leader');
    expect(kinds).toContain('double_booked:2026-11-08:second');
  });

  it('refuses swaps of empty slots, the same person, inactive people, and deleting a rostered person', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await generateNovember(core, p);
    await core.call('roster.assign', { at: slot('2026-11-09'), personId: null, reason: '调休', approver: '王局长' });
    const bad = [
      ['roster.swap', { a: slot('2026-11-09'), b: slot('2026-11-10'), reason: 'x', approver: 'y' }],
      ['roster.swap', { a: slot('2026-11-01'), b: slot('2026-11-03'), reason: 'x', approver: 'y' }],
      ['roster.swap', { a: slot('2026-11-01'), b: slot('2026-11-02'), reason: ' ', approver: 'y' }],
      ['people.delete', { id: p.leads[0]!.id }],
    ] as const;
    const codes = [];
    for (const [m, input] of bad) {
      const r = await core.service.invoke(m, input);
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['roster.slot_empty', 'roster.same_person', 'validation', 'roster.person_rostered']);
    await core.call('people.deactivate', { id: p.seconds[0]!.id });
    const r = await core.service.invoke('roster.standIn', {
      at: slot('2026-11-01'),
      personId: p.seconds[0]!.id,
      reason: 'x',
      approver: 'y',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'roster.person_inactive' } });
    const month = await core.call('roster.month', { month: '2026-11' });
    expect(month.conflicts.filter((c) => c.kind === 'inactive').length).toBeGreaterThan(0);
  });

  it('asks a reason and an approver for a hand edit that replaces someone or gives a role not held', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await generateNovember(core, p);
    const invoke = (input: object) => core.service.invoke('roster.assign', input as never);
    const fields = (r: Awaited<ReturnType<typeof invoke>>) =>
      r.ok ? 'ok' : (r.error.issues ?? []).map((i) => `${i.path}:${i.code}`).join(',');
    // Replacing the rostered person, even by someone who holds the role.
    const other = p.leads[1]!.id; // 刘洋 is not on the 1st
    expect(fields(await invoke({ at: slot('2026-11-01'), personId: other, reason: '临时调整' }))).toBe(
      'approver:approval_replaces_person',
    );
    // Clearing the slot takes the person out too.
    expect(fields(await invoke({ at: slot('2026-11-01'), personId: null }))).toBe(
      'reason:approval_replaces_person,approver:approval_replaces_person',
    );
    // A role the person does not hold, even into an empty slot.
    await core.call('roster.assign', { at: slot('2026-11-03'), personId: null, reason: '调休', approver: '王局长' });
    expect(fields(await invoke({ at: slot('2026-11-03', 'leader'), personId: p.seconds[0]!.id }))).toBe(
      'reason:approval_role_not_held,approver:approval_role_not_held',
    );
    // Filling an empty slot with someone who holds the role is plain roster keeping.
    expect(fields(await invoke({ at: slot('2026-11-03'), personId: other }))).toBe('ok');
    const m = await core.call('roster.assign', {
      at: slot('2026-11-01'),
      personId: other,
      reason: '病假',
      approver: '王局长',
    });
    expect(m.changes[0]).toMatchObject({ kind: 'assign', reason: '病假', approver: '王局长' });
  });

  it('rejects malformed dates and months', async () => {
    const core = await openTestCore();
    const r = await core.service.invoke('roster.month', { month: '2026-13' });
    expect(r).toMatchObject({ ok: false, error: { issues: [{ path: 'month', code: 'invalid_month' }] } });
    const r2 = await core.service.invoke('roster.assign', {
      at: { date: '2026-02-30', shift: 'full', role: 'lead' },
      personId: null,
    });
    expect(r2).toMatchObject({ ok: false, error: { issues: [{ path: 'at.date', code: 'invalid_date' }] } });
  });
});

describe('roster integrity', () => {
  it('generates day and night shifts under a day/night split', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await core.call('roster.saveConfig', { shiftModel: { kind: 'day_night', dayStart: '08:00', nightStart: '18:00' } });
    const m = await generateNovember(core, p);
    expect(m.days.flatMap((d) => d.shifts)).toHaveLength(60);
    expect(m.days[0]!.shifts.map((s) => [s.shift, s.startsAt])).toEqual([
      ['day', '2026-11-01T00:00:00.000Z'],
      ['night', '2026-11-01T10:00:00.000Z'],
    ]);
    expect(m.conflicts).toEqual([]);
    const bad = await core.service.invoke('roster.assign', {
      at: { date: '2026-11-02', shift: 'full', role: 'lead' },
      personId: p.leads[0]!.id,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'roster.slot_not_in_model' } });
  });

  it('names a roster row changed behind the app', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    await generateNovember(core, p);
    await core.sql.run("UPDATE roster_assignments SET person_id = ? WHERE date = '2026-11-02' AND role = 'lead'", [
      p.leads[0]!.id,
    ]);
    const v = await core.call('audit.verify', {});
    expect(v).toMatchObject({ ok: false, firstProblem: { kind: 'row_changed', table: 'roster_assignments' } });
    await expectRefused(core, 'DELETE FROM roster_changes', [], /append-only/);
  });
});
