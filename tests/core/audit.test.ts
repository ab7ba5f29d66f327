import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import { verifyChain } from '../../electron/core/audit/verify';
import { readCheckpoint } from '../../electron/core/audit/witness';
import type { AuditHead } from '../../electron/core/contract/audit';
import { openTestCore } from './helpers';

describe('canonicalJson', () => {
  it('serialises the same record to the same bytes whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 }),
    );
    expect(canonicalJson({ a: undefined, b: '值班' })).toBe('{"b":"值班"}');
  });

  it('gives the same bytes on its fast path (keys already sorted) as on the sorting walk', () => {
    // Sorted keys take the native path; the same values in another order take the walk.
    const sorted = { a: [1, undefined, 'x\n"'], b: { c: null, d: -0 }, e: true, f: undefined, g: '值班' };
    const shuffled = { g: '值班', f: undefined, e: true, b: { d: -0, c: null }, a: [1, undefined, 'x\n"'] };
    expect(canonicalJson(sorted)).toBe('{"a":[1,null,"x\\n\\""],"b":{"c":null,"d":0},"e":true,"g":"值班"}');
    expect(canonicalJson(shuffled)).toBe(canonicalJson(sorted));
    // Integer-like keys: Object.keys lists them numerically, the canonical order is by string.
    expect(canonicalJson({ '2': 'b', '10': 'a' })).toBe('{"10":"a","2":"b"}');
    // A Date is an object without keys to the walk, not its toJSON string, whichever path it meets.
    expect(canonicalJson({ at: new Date(0) })).toBe('{"at":{}}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson({ a: Infinity })).toThrow('non-finite');
    expect(() => canonicalJson([Number.NaN])).toThrow('non-finite');
  });
});

describe('audit chain', () => {
  it('verifies an untouched database', async () => {
    const core = await openTestCore();
    const v = await core.call('audit.verify', {});
    expect(v.ok).toBe(true);
    expect(v.firstProblem).toBeNull();
    expect(v.entries).toBeGreaterThanOrEqual(2);
  });

  it('appends one entry per changed setting, attributed and in the same transaction', async () => {
    const core = await openTestCore();
    const before = (await core.call('app.info', {})).auditEntries;
    await core.call('settings.update', { dutyRoomName: '大江市人民政府总值班室', language: 'en' });
    const rows = core.db.prepare('SELECT kind, ref_id FROM audit_log WHERE id > ? ORDER BY id').all(before) as {
      kind: string;
      ref_id: string;
    }[];
    expect(rows.map((r) => r.ref_id).sort()).toEqual(['dutyRoomName', 'language']);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('verifies text that needs escaping, and still names its row when changed behind the app', async () => {
    // verify assembles the hashed bytes and the row JSON inside SQLite: quotes, backslashes, control
    // characters and emoji must come out as the app wrote them, or an untouched log would fail.
    const core = await openTestCore();
    const tricky = '值班室 "甲" \\ 乙\t\u0001 😀';
    await core.call('settings.update', { dutyRoomName: tricky });
    expect(await core.call('audit.verify', {})).toMatchObject({ ok: true, problems: 0 });
    const intruder = new Database(core.file);
    intruder.prepare("UPDATE settings SET value = ? WHERE key = 'dutyRoomName'").run(JSON.stringify(`${tricky}!`));
    intruder.close();
    const v = await core.call('audit.verify', {});
    expect(v.firstProblem).toMatchObject({ kind: 'row_changed', table: 'settings', rowId: 'dutyRoomName' });
  });

  it('names the entry when a setting is changed behind the app with another connection', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { issuingOffice: '大江市应急管理局' });
    const recordedAt = core.db
      .prepare("SELECT max(id) FROM audit_log WHERE ref_table = 'settings' AND ref_id = 'issuingOffice'")
      .pluck()
      .get() as number;
    const intruder = new Database(core.file);
    intruder.prepare("UPDATE settings SET value = ? WHERE key = 'issuingOffice'").run(JSON.stringify('伪造'));
    intruder.close();
    const v = await core.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.firstProblem).toMatchObject({
      kind: 'row_changed',
      entryId: recordedAt,
      table: 'settings',
      rowId: 'issuingOffice',
    });
  });

  it('detects a row inserted or deleted behind the app', async () => {
    const core = await openTestCore();
    const intruder = new Database(core.file);
    intruder.prepare("INSERT INTO settings (key, value) VALUES ('timeZone', '\"UTC\"')").run();
    intruder.close();
    expect((await core.call('audit.verify', {})).firstProblem).toMatchObject({
      kind: 'row_unaudited',
      rowId: 'timeZone',
    });

    const other = await openTestCore();
    await other.call('settings.update', { backupKeep: 7 });
    const del = new Database(other.file);
    del.prepare("DELETE FROM settings WHERE key = 'backupKeep'").run();
    del.close();
    expect((await other.call('audit.verify', {})).firstProblem).toMatchObject({
      kind: 'row_missing',
      rowId: 'backupKeep',
    });
  });

  it('refuses UPDATE and DELETE on the audit log itself', async () => {
    const core = await openTestCore();
    expect(() => core.db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('names the first broken entry when an audit row is rewritten with its triggers dropped', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { dutyRoomName: '一' });
    await core.call('settings.update', { dutyRoomName: '二' });
    const target = core.db
      .prepare("SELECT min(id) FROM audit_log WHERE kind = 'settings.update'")
      .pluck()
      .get() as number;
    const intruder = new Database(core.file);
    intruder.exec('DROP TRIGGER audit_log_no_update');
    intruder.prepare("UPDATE audit_log SET actor = '某人' WHERE id = ?").run(target);
    intruder.close();
    const v = await core.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.firstProblem).toMatchObject({ kind: 'hash_mismatch', entryId: target });
  });

  it('detects a deleted audit entry as a gap in the chain', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { dutyRoomName: '一' });
    const intruder = new Database(core.file);
    intruder.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2');
    intruder.close();
    const v = await core.call('audit.verify', {});
    expect(v.firstProblem).toMatchObject({ entryId: 3 });
  });

  it('verifies entries whose text needs escaping, and still catches one rewritten to a same-looking text', async () => {
    const core = await openTestCore();
    const odd = ['引号"与反斜杠\\', 'tab\tnew\nline', 'sep\u2028para\u2029', 'nul\u0000bell\u0007', '😀'];
    await core.service.ctx.tx(async (ctx) => {
      for (const text of odd) await ctx.audit.append({ actor: text, kind: `k${text}`, refId: text, payload: { text } });
    });
    expect(verifyChain(core.db)).toMatchObject({ ok: true, problems: 0 });
    const target = core.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    const intruder = new Database(core.file);
    intruder.exec('DROP TRIGGER audit_log_no_update');
    // The same characters, escaped differently: still not the text that was hashed.
    intruder.prepare('UPDATE audit_log SET payload = ? WHERE id = ?').run(String.raw`{"text":"\ud83d\ude00"}`, target);
    intruder.close();
    expect(verifyChain(core.db).firstProblem).toMatchObject({ kind: 'hash_mismatch', entryId: target });
  });

  it('moves the start-up checkpoint with its own writes, but not over entries someone else appended', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { dutyRoomName: '一' });
    expect(readCheckpoint(core.file)).toEqual(await core.service.ctx.audit.head());
    const verified = readCheckpoint(core.file)!;
    // An entry appended behind the app: the next start must check it, so the checkpoint stays before it.
    const intruder = new Database(core.file);
    const last = intruder.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditHead;
    intruder
      .prepare(
        "INSERT INTO audit_log (id, ts, actor, kind, payload, prev_hash, hash) VALUES (?, 'x', 'x', 'x', '{}', ?, 'forged')",
      )
      .run(last.id + 1, last.hash);
    intruder.close();
    await core.call('settings.update', { dutyRoomName: '二' });
    expect(readCheckpoint(core.file)).toEqual(verified);
  });

  it('verifies in slices, answering other requests and showing how far it is meanwhile', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { dutyRoomName: '一' });
    const verifying = core.call('audit.verify', {});
    await expect
      .poll(() => core.call('app.progress', {}), { interval: 1 })
      .toEqual([expect.objectContaining({ kind: 'audit.verify' })]);
    expect(await verifying).toMatchObject({ ok: true, problems: 0 });
    expect(await core.call('app.progress', {})).toEqual([]);
  });
});
