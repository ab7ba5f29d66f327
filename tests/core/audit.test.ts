import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import { entryHash, entryMid, entryMidAround } from '../../electron/core/audit/chain';
import { verifyChain } from '../../electron/core/audit/verify';
import { readCheckpoint, writeCheckpoint } from '../../electron/core/audit/witness';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditHead } from '../../electron/core/contract/audit';
import { intrude, openTestCore, sqliteOnly, tempDir } from './helpers';
import { expectRefused } from './refused';

describe("an entry's canonical JSON built ahead (an import's worker)", () => {
  it('entryMidAround joined with the id is entryMid over the whole payload, whatever the text around it', () => {
    // Quotes, backslashes, control characters, CJK and astral characters: everything JSON escapes or not.
    const text = fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0001', 'a', '值', '𠀋', '\u2028', ':', ',') });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 2 ** 40 }), (a, b, id) => {
        const payload: [string, string] = [`{"row":{"at":${JSON.stringify(a)},"id":`, `,"x":${JSON.stringify(b)}}}`];
        const whole = payload.join(String(id));
        expect(entryMidAround('incident.created', payload, 'incident_versions').join(String(id))).toBe(
          entryMid('incident.created', whole, String(id), 'incident_versions'),
        );
      }),
    );
  });

  it('entryHash hashes the canonical JSON of the whole entry', async () => {
    const { createHash } = await import('node:crypto');
    const row = {
      id: 7,
      ts: '2026-11-23T02:00:00.000Z',
      actor: '王值班',
      kind: 'k',
      ref_table: null,
      ref_id: '3',
      payload: '{"a":"\\""}',
    };
    const expected = createHash('sha256')
      .update('p\n' + canonicalJson(row))
      .digest('hex');
    expect(entryHash('p', row)).toBe(expected);
  });
});

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
    const rows = await core.sql.all<{ kind: string; ref_id: string }>(
      'SELECT kind, ref_id FROM audit_log WHERE id > ? ORDER BY id',
      [before],
    );
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
    await intrude(core, "UPDATE settings SET value = ? WHERE key = 'dutyRoomName'", [JSON.stringify(`${tricky}!`)]);
    const v = await core.call('audit.verify', {});
    expect(v.firstProblem).toMatchObject({ kind: 'row_changed', table: 'settings', rowId: 'dutyRoomName' });
  });

  it('names the entry when a setting is changed behind the app with another connection', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { issuingOffice: '大江市应急管理局' });
    const recordedAt = await core.sql.value<number>(
      "SELECT max(id) FROM audit_log WHERE ref_table = 'settings' AND ref_id = 'issuingOffice'",
    );
    await intrude(core, "UPDATE settings SET value = ? WHERE key = 'issuingOffice'", [JSON.stringify('伪造')]);
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
    await intrude(core, "INSERT INTO settings (key, value) VALUES ('timeZone', '\"UTC\"')");
    expect((await core.call('audit.verify', {})).firstProblem).toMatchObject({
      kind: 'row_unaudited',
      rowId: 'timeZone',
    });

    const other = await openTestCore();
    await other.call('settings.update', { backupKeep: 7 });
    await intrude(other, "DELETE FROM settings WHERE key = 'backupKeep'");
    expect((await other.call('audit.verify', {})).firstProblem).toMatchObject({
      kind: 'row_missing',
      rowId: 'backupKeep',
    });
  });

  it('refuses UPDATE and DELETE on the audit log itself', async () => {
    const core = await openTestCore();
    await expectRefused(core, "UPDATE audit_log SET actor = 'x' WHERE id = 1", [], /append-only/);
    await expectRefused(core, 'DELETE FROM audit_log WHERE id = 1', [], /append-only/);
  });

  it('names the first broken entry when an audit row is rewritten with its triggers dropped', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { dutyRoomName: '一' });
    await core.call('settings.update', { dutyRoomName: '二' });
    const target = await core.sql.value<number>("SELECT min(id) FROM audit_log WHERE kind = 'settings.update'");
    await intrude(core, "UPDATE audit_log SET actor = '某人' WHERE id = ?", [target], ['audit_log_no_update']);
    const v = await core.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.firstProblem).toMatchObject({ kind: 'hash_mismatch', entryId: target });
  });

  it('detects a deleted audit entry as a gap in the chain', async () => {
    const core = await openTestCore();
    await core.call('settings.update', { dutyRoomName: '一' });
    await intrude(core, 'DELETE FROM audit_log WHERE id = 2', [], ['audit_log_no_delete']);
    const v = await core.call('audit.verify', {});
    expect(v.firstProblem).toMatchObject({ entryId: 3 });
  });

  sqliteOnly.it(
    "SQLite's json_object builds the hashed bytes; PostgreSQL text holds no NUL",
    'verifies entries whose text needs escaping, and still catches one rewritten to a same-looking text',
    async () => {
      const core = await openTestCore();
      const odd = ['引号"与反斜杠\\', 'tab\tnew\nline', 'sep\u2028para\u2029', 'nul\u0000bell\u0007', '😀'];
      await core.service.ctx.tx(async (ctx) => {
        for (const text of odd)
          await ctx.audit.append({ actor: text, kind: `k${text}`, refId: text, payload: { text } });
      });
      expect(verifyChain(core.db)).toMatchObject({ ok: true, problems: 0 });
      const target = core.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
      const intruder = new Database(core.file);
      intruder.exec('DROP TRIGGER audit_log_no_update');
      // The same characters, escaped differently: still not the text that was hashed.
      intruder
        .prepare('UPDATE audit_log SET payload = ? WHERE id = ?')
        .run(String.raw`{"text":"\ud83d\ude00"}`, target);
      intruder.close();
      expect(verifyChain(core.db).firstProblem).toMatchObject({ kind: 'hash_mismatch', entryId: target });
    },
  );

  sqliteOnly.it(
    'the checkpoint file lives beside the SQLite file',
    'moves the start-up checkpoint with its own writes, but not over entries someone else appended',
    async () => {
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
    },
  );

  it('moves a checkpoint written by an older release, and one of its own, to the newest head', () => {
    const file = join(tempDir(), 'duty-room.sqlite');
    const head = (id: number): AuditHead => ({ id, hash: String(id % 10).repeat(64) });
    // An older release wrote the bare JSON (87 bytes): replaced whole, then moved in place.
    writeFileSync(`${file}.verified`, JSON.stringify(head(609829)));
    writeCheckpoint(file, head(1_000_000_000_007));
    expect(readCheckpoint(file)).toEqual(head(1_000_000_000_007));
    writeCheckpoint(file, head(8));
    expect(readCheckpoint(file)).toEqual(head(8));
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
