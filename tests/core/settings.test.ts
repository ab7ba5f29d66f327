import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../electron/core/contract';
import { openTestCore } from './helpers';

describe('settings', () => {
  it('starts with the defaults (zh-CN, Asia/Shanghai)', async () => {
    const core = await openTestCore();
    expect(await core.call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });

  it('persists an update across reopening the database', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { dutyRoomName: '大江市人民政府总值班室', language: 'en' });
    const again = await core.reopen();
    expect(await again.call('settings.get', {})).toMatchObject({
      dutyRoomName: '大江市人民政府总值班室',
      language: 'en',
    });
  });

  it('rejects bad values with field codes and stores nothing', async () => {
    const core = await openTestCore();
    const entries = (await core.call('app.info', {})).auditEntries;
    const r = await core.service.invokeRaw('settings.update', {
      dutyRoomName: '   ',
      timeZone: 'Mars/Olympus',
      language: 'fr',
      backupKeep: 0,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    const byPath = Object.fromEntries((r.error.issues ?? []).map((i) => [i.path, i.code]));
    expect(byPath).toEqual({
      dutyRoomName: 'required',
      timeZone: 'unknown_time_zone',
      language: 'invalid_option',
      backupKeep: 'too_small',
    });
    expect(await core.call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    expect((await core.call('app.info', {})).auditEntries).toBe(entries);
  });

  it('rejects unknown fields and unknown methods', async () => {
    const core = await openTestCore();
    const r = await core.service.invokeRaw('settings.update', { admin: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ code: 'unrecognized_keys' }] } });
    expect(await core.service.invokeRaw('settings.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('rejects a 10 MB duty room name with a length error', async () => {
    const core = await openTestCore();
    const r = await core.service.invoke('settings.update', { dutyRoomName: '值'.repeat(10 * 1024 * 1024) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'dutyRoomName', code: 'too_long' }] },
    });
  });
});

describe('settings stored badly', () => {
  it('falls back per key, keeping the valid ones', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { timeZone: 'Asia/Urumqi', dutyRoomName: '江北区值班室' });
    await core.sql.run("UPDATE settings SET value = '\"fr\"' WHERE key = 'dutyRoomName'");
    await core.sql.run("INSERT INTO settings (key, value) VALUES ('language', '\"klingon\"')");
    const s = await core.call('settings.get', {});
    expect(s.timeZone).toBe('Asia/Urumqi');
    expect(s.language).toBe('zh-CN');
  });
});
