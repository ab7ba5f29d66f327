import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startWebHost } from './built';
import { openTestCore, tempDir } from './helpers';

describe('backups', () => {
  it('backs up into backups/, keeps the newest N from Settings, and logs each in the chain', async () => {
    const core = await openTestCore({ start: '2026-11-20T00:00:00Z' });
    await core.call('settings.update', { backupKeep: 2 });
    const made: string[] = [];
    for (let day = 0; day < 3; day++) {
      made.push((await core.call('backup.now', {})).file);
      core.clock.advance(86_400_000);
    }
    const kept = (await core.call('backup.list', {})).map((b) => b.file);
    expect(kept).toEqual([made[2], made[1]]);
    expect(existsSync(made[0]!)).toBe(false);
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE kind = 'db.backup'").pluck().get()).toBe(3);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses to restore under a running host, and a second host on the same data', async () => {
    const data = tempDir();
    const host = await startWebHost(data);
    try {
      // The host makes its first daily backup soon after start (FIRST_BACKUP_AFTER_MS), in the background.
      const list = async () =>
        (
          (await (
            await fetch(`${host.origin}/api/backup.list`, {
              method: 'POST',
              headers: { 'X-Duty-Room-Token': host.token },
              body: '{}',
            })
          ).json()) as { value: { file: string }[] }
        ).value;
      await expect.poll(list, { timeout: 25_000, interval: 500 }).toHaveLength(1);
      const backups = { value: await list() };
      const r = runCli(['restore', backups.value[0]!.file, '--data', data]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('db.in_use');
      await expect(startWebHost(data)).rejects.toThrow(/db\.in_use/);
    } finally {
      await host.stop();
    }
    expect(existsSync(join(data, 'duty-room.sqlite.lock'))).toBe(false);
  });
});
