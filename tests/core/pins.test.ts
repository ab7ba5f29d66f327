import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import { openTestCore, sqliteOnly, tempDir, type TestCore } from './helpers';
import { join } from 'node:path';

const code = async (core: TestCore, m: string, input: unknown) => {
  const r = await core.service.invokeRaw(m, input);
  return r.ok ? 'ok' : r.error.code;
};

describe('PINs', () => {
  it('new PINs have at least six digits', async () => {
    const core = await openTestCore();
    const p = await core.call('people.save', { name: '张伟', roles: ['lead'] });
    expect(await code(core, 'people.setPin', { id: p.id, pin: '1234' })).toBe('validation');
    expect(await core.call('people.setPin', { id: p.id, pin: '123456' })).toMatchObject({
      hasPin: true,
      pinWeak: false,
    });
  });

  sqliteOnly.it(
    'a PIN hash written into an SQLite file before the rule',
    'a 4-digit PIN from before the rule keeps working, flagged until changed, and is audited',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'duty-room.sqlite');
      const clock = new ManualClock('2026-11-23T01:00:00Z');
      const old = openDatabase(file, { clock, appVersion: 'old', targetVersion: 60 });
      old.prepare("INSERT INTO people (name, roles, updated_at) VALUES ('王局长', '[\"leader\"]', 't')").run();
      const salt = randomBytes(16);
      const hash = `scrypt$${salt.toString('hex')}$${scryptSync('1357', salt, 32).toString('hex')}`;
      old.prepare('INSERT INTO person_pins (person_id, pin_hash) VALUES (1, ?)').run(hash);
      // An old-rule PIN that happens to be long enough: flagged only until it is first used.
      old.prepare("INSERT INTO people (name, roles, updated_at) VALUES ('李副秘书长', '[\"leader\"]', 't')").run();
      const long = `scrypt$${salt.toString('hex')}$${scryptSync('24681357', salt, 32).toString('hex')}`;
      old.prepare('INSERT INTO person_pins (person_id, pin_hash) VALUES (2, ?)').run(long);
      old.close();
      const core = await openTestCore({ dir, clock });
      const [leader, second] = await core.call('people.list', {});
      expect(leader).toMatchObject({ hasPin: true, pinWeak: true });
      expect(second).toMatchObject({ hasPin: true, pinWeak: true });
      await core.call('operator.switch', { personId: 2, pin: '24681357' });
      expect((await core.call('people.list', {}))[1]).toMatchObject({ pinWeak: false });
      expect(await core.call('operator.switch', { personId: 1, pin: '1357' })).toMatchObject({ pinVerified: true });
      const v = await core.call('audit.verify', {});
      // The people rows were written raw above (no entry): the problems. The PIN rows were baselined into
      // the chain by the migration (and the re-hash recorded), so they are not.
      expect(v).toMatchObject({ problems: 2, firstProblem: { kind: 'row_unaudited', table: 'people' } });
      await core.call('people.setPin', { id: 1, pin: '97531086', currentPin: '1357' });
      expect((await core.call('people.list', {}))[0]).toMatchObject({ pinWeak: false });
    },
  );

  it('wrong tries make the next one wait longer, then lock the PIN; every failure is logged', async () => {
    const core = await openTestCore();
    const p = await core.call('people.save', { name: '张伟', roles: ['lead'] });
    await core.call('people.setPin', { id: p.id, pin: '246810' });
    const tryPin = (pin: string) => code(core, 'operator.switch', { personId: p.id, pin });
    for (let i = 0; i < 3; i++) expect(await tryPin('000000')).toBe('operator.bad_pin');
    // After three, even the right PIN must wait: a guesser cannot try faster than the delay.
    expect(await tryPin('246810')).toBe('operator.pin_locked');
    const waits: number[] = [];
    for (let i = 3; i < 10; i++) {
      const r = await core.service.invoke('operator.switch', { personId: p.id, pin: '246810' });
      const seconds = r.ok ? 0 : Number(r.error.params?.seconds);
      waits.push(seconds);
      core.clock.advance(seconds * 1000);
      expect(await tryPin('000000')).toBe('operator.bad_pin');
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(waits.at(-1)!).toBeGreaterThan(waits[0]!);
    // The tenth wrong try locks the PIN for half an hour.
    core.clock.advance(29 * 60_000);
    expect(await tryPin('246810')).toBe('operator.pin_locked');
    core.clock.advance(2 * 60_000);
    expect(await tryPin('246810')).toBe('ok');
    const failed = await core.sql.value("SELECT count(*) FROM audit_log WHERE kind = 'people.pin_failed'");
    expect(failed).toBe(10);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it("a leader resets another's PIN only with their own PIN, and it is logged", async () => {
    const core = await openTestCore();
    const leader = await core.call('people.save', { name: '王局长', roles: ['leader'] });
    const officer = await core.call('people.save', { name: '张伟', roles: ['lead'] });
    const other = await core.call('people.save', { name: '刘洋', roles: ['lead'] });
    await core.call('people.setPin', { id: officer.id, pin: '111111' });
    const reset = (by: number, pin: string) =>
      code(core, 'people.setPin', { id: officer.id, pin: '222222', resetBy: { personId: by, pin } });
    // A leader without a PIN cannot prove who they are; a non-leader may not; a wrong PIN fails.
    expect(await reset(leader.id, '123456')).toBe('operator.pin_reset_denied');
    await core.call('people.setPin', { id: leader.id, pin: '975310' });
    expect(await reset(other.id, '123456')).toBe('operator.pin_reset_denied');
    expect(await reset(leader.id, '000000')).toBe('operator.bad_pin');
    expect(await reset(leader.id, '975310')).toBe('ok');
    const entry = (await core.sql.get("SELECT actor, payload FROM audit_log WHERE kind = 'people.pin_reset'")) as {
      actor: string;
      payload: string;
    };
    expect(entry.actor).toBe('王局长');
    expect(JSON.parse(entry.payload)).toMatchObject({ by: '王局长', name: '张伟' });
    expect(entry.payload).not.toContain('scrypt');
    expect(await code(core, 'operator.switch', { personId: officer.id, pin: '222222' })).toBe('ok');
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });
});
