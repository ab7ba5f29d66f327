/**
 * `audit.verify` on PostgreSQL (issue 15): the same answer as on SQLite for a sound record, and a record
 * changed behind the app's back is named. The app's role cannot change the log (the guard triggers); an
 * intruder with the superuser's powers can switch triggers off for its session, and verify still finds it.
 */
import { describe, expect, it } from 'vitest';
import { verifyOverPort } from '../../electron/core/audit/verify-port';
import { engine, intrude, openTestCore, type TestCore } from './helpers';

async function withActivity(): Promise<TestCore> {
  const core = await openTestCore();
  await core.call('settings.update', { dutyRoomName: '一' });
  await core.call('settings.update', { dutyRoomName: '二' });
  return core;
}

describe.skipIf(engine !== 'postgres')('verify on PostgreSQL', () => {
  it('finds a sound record sound: every entry, the head, no problems, progress to the end', async () => {
    const core = await withActivity();
    const head = await core.sql.get<{ id: number; hash: string }>(
      'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    expect(await core.call('audit.verify', {})).toEqual({
      ok: true,
      entries: head!.id,
      head,
      firstProblem: null,
      problems: 0,
      witnessed: 0,
    });
    const seen: [number, number, string][] = [];
    await verifyOverPort(core.sql, (done, total, phase) => seen.push([done, total, phase]));
    expect(seen.find((s) => s[2] === 'chain' && s[0] === s[1])?.[0]).toBe(head!.id);
    const rows = seen.filter((s) => s[2] === 'rows');
    expect(rows.at(-1)![0]).toBe(rows.at(-1)![1]);
  });

  it('refuses UPDATE and DELETE on the audit log to the role that owns it', async () => {
    const core = await withActivity();
    await expect(core.sql.run("UPDATE audit_log SET actor = 'x' WHERE id = 1")).rejects.toMatchObject({
      code: 'db.append_only',
    });
    await expect(core.sql.run('DELETE FROM audit_log WHERE id = 1')).rejects.toMatchObject({
      code: 'db.append_only',
    });
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('names the entry an intruder rewrote', async () => {
    const core = await withActivity();
    const target = (await core.sql.value<number>("SELECT min(id) FROM audit_log WHERE kind = 'settings.update'"))!;
    await intrude(core, "UPDATE audit_log SET actor = '某人' WHERE id = ?", [target]);
    const v = await core.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.firstProblem).toEqual({ kind: 'hash_mismatch', entryId: target });
  });

  it('names a deleted entry as a gap, and a row changed or deleted behind the app', async () => {
    const core = await withActivity();
    await intrude(core, 'DELETE FROM audit_log WHERE id = 2');
    expect((await core.call('audit.verify', {})).firstProblem).toMatchObject({ kind: 'sequence_gap', entryId: 3 });

    const other = await withActivity();
    const recorded = await other.sql.value<number>(
      "SELECT max(id) FROM audit_log WHERE ref_table = 'settings' AND ref_id = 'dutyRoomName'",
    );
    await intrude(other, `UPDATE settings SET value = '"三"' WHERE key = 'dutyRoomName'`);
    expect((await other.call('audit.verify', {})).firstProblem).toEqual({
      kind: 'row_changed',
      entryId: recorded,
      table: 'settings',
      rowId: 'dutyRoomName',
    });
    await intrude(other, "DELETE FROM settings WHERE key = 'dutyRoomName'");
    expect((await other.call('audit.verify', {})).firstProblem).toMatchObject({
      kind: 'row_missing',
      entryId: recorded,
      rowId: 'dutyRoomName',
    });
  });
});
