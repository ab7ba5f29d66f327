import { describe, expect, it } from 'vitest';
import { openTestCore } from './helpers';
import { generateNovember, seedPeople } from './roster-fixtures';

// Asia/Shanghai is UTC+8 all year: 08:30 local = 00:30Z.
async function setup() {
  const core = await openTestCore({ start: '2026-11-10T00:00:00Z' });
  const p = await seedPeople(core);
  await generateNovember(core, p);
  await core.call('roster.generate', {
    month: '2026-12',
    rotations: { leader: [p.leaders[1]!.id], lead: [p.leads[1]!.id], second: [p.seconds[1]!.id] },
    replace: true,
  });
  return core;
}

describe('on duty now', () => {
  it('changes at 08:30 local, not at 08:29', async () => {
    const core = await setup();
    core.clock.set('2026-11-10T00:29:59Z'); // 08:29:59 on the 10th
    const before = await core.call('duty.now', {});
    expect(before).toMatchObject({ date: '2026-11-09', shift: 'full', endsAt: '2026-11-10T00:30:00.000Z' });
    core.clock.set('2026-11-10T00:30:00Z');
    const after = await core.call('duty.now', {});
    expect(after.date).toBe('2026-11-10');
    expect(after.lead[0]!.name).not.toBe(before.lead[0]!.name);
    expect(after.leader[0]!.phones).toEqual([expect.stringMatching(/^138/)]);
  });

  it('keeps the same shift across local midnight', async () => {
    const core = await setup();
    core.clock.set('2026-11-10T15:59:00Z'); // 23:59 on the 10th
    const a = await core.call('duty.now', {});
    core.clock.set('2026-11-10T16:01:00Z'); // 00:01 on the 11th
    const b = await core.call('duty.now', {});
    expect(a.date).toBe('2026-11-10');
    expect(b).toEqual({ ...a, at: b.at });
  });

  it('hands over from the last day of the month to the first of the next', async () => {
    const core = await setup();
    core.clock.set('2026-12-01T00:29:00Z');
    const nov = await core.call('duty.now', {});
    expect(nov.date).toBe('2026-11-30');
    core.clock.set('2026-12-01T00:30:00Z');
    const dec = await core.call('duty.now', {});
    expect(dec).toMatchObject({ date: '2026-12-01', lead: [{ name: '刘洋' }], second: [{ name: '赵磊' }] });
  });

  it('follows a day/night split', async () => {
    const core = await setup();
    await core.call('roster.saveConfig', { shiftModel: { kind: 'day_night', dayStart: '08:30', nightStart: '17:30' } });
    core.clock.set('2026-11-10T09:29:00Z'); // 17:29
    expect(await core.call('duty.now', {})).toMatchObject({ date: '2026-11-10', shift: 'day' });
    core.clock.set('2026-11-10T09:30:00Z'); // 17:30
    expect(await core.call('duty.now', {})).toMatchObject({ date: '2026-11-10', shift: 'night' });
    core.clock.set('2026-11-11T00:29:00Z'); // 08:29 next day
    expect(await core.call('duty.now', {})).toMatchObject({ date: '2026-11-10', shift: 'night' });
    const bad = await core.service.invoke('roster.saveConfig', {
      shiftModel: { kind: 'day_night', dayStart: '18:00', nightStart: '08:00' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'shiftModel.nightStart', code: 'night_before_day' }] },
    });
  });
});

describe('current operator', () => {
  it('attributes records to the operator, checks PINs and never returns them', async () => {
    const core = await openTestCore();
    const p = await seedPeople(core);
    expect(await core.call('operator.current', {})).toEqual({ session: null });
    const withPin = await core.call('people.setPin', { id: p.leads[0]!.id, pin: '246802' });
    expect(withPin).toMatchObject({ hasPin: true });
    expect(JSON.stringify(withPin)).not.toContain('scrypt');
    expect(await core.service.invoke('operator.switch', { personId: p.leads[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'operator.pin_required' },
    });
    expect(await core.service.invoke('operator.switch', { personId: p.leads[0]!.id, pin: '111111' })).toMatchObject({
      ok: false,
      error: { code: 'operator.bad_pin' },
    });
    const s = await core.call('operator.switch', { personId: p.leads[0]!.id, pin: '246802' });
    expect(s).toMatchObject({ name: '张伟', pinVerified: true });
    await core.call('people.save', { name: '新同志', roles: ['second'] });
    const last = await core.sql.get('SELECT actor, kind FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(last).toEqual({ actor: '张伟', kind: 'people.create' });
    await core.call('operator.switch', { personId: p.leads[1]!.id });
    const sw = (await core.sql.get(
      "SELECT actor, payload FROM audit_log WHERE kind = 'operator.switch' ORDER BY id DESC",
    )) as {
      actor: string;
      payload: string;
    };
    expect(sw.actor).toBe('张伟');
    expect(sw.payload).toContain('刘洋');
    expect(await core.sql.get('SELECT count(*) AS n FROM audit_log WHERE payload LIKE ?', ['%scrypt%'])).toEqual({
      n: 0,
    });
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });
});
