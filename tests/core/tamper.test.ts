import { createHash } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import { entryHash } from '../../electron/core/audit/chain';
import { verifyChain } from '../../electron/core/audit/verify';
import { openDatabase } from '../../electron/core/db/open';
import { AppError } from '../../electron/core/contract';
import { openTestCore, type TestCore } from './helpers';
import { forgeChain, intruder, lastId } from './tamper-helpers';
import { dayWithIncidents } from './documents-fixtures';
import { writeWitness } from '../../electron/core/audit/witness';

/** Five settings changes, one entry (and one witnessed commit) each; returns their entry ids. */
async function history(core: TestCore): Promise<number[]> {
  const ids: number[] = [];
  for (const name of ['一', '二', '三', '四', '五']) {
    await core.call('settings.update', { dutyRoomName: `值班室${name}` });
    ids.push((await core.call('app.info', {})).auditHead!.id);
  }
  return ids;
}

const verify = async (core: TestCore) => core.call('audit.verify', {});

function refusedAtOpen(core: TestCore): string {
  core.db.close();
  try {
    openDatabase(core.file, { clock: core.clock, appVersion: 'test' }).close();
    return 'opened';
  } catch (e) {
    return e instanceof AppError ? `${e.code}:${e.params?.kind}` : String(e);
  }
}

describe('tamper suite: verify names the first entry that disagrees', () => {
  it('the fast path of the entry hash gives exactly the canonical JSON', () => {
    const row = { id: 7, ts: 't', actor: '值班员"甲"', kind: 'k', ref_table: null, ref_id: '3', payload: '{"a":1}' };
    const viaCanonical = canonicalJson(row);
    expect(entryHash('p', row)).toBe(createHash('sha256').update('p').update('\n').update(viaCanonical).digest('hex'));
  });

  it('edit: a row changed behind the app', async () => {
    const core = await openTestCore();
    const ids = await history(core);
    const raw = intruder(core.file);
    raw.prepare("UPDATE settings SET value = '\"伪造\"' WHERE key = 'dutyRoomName'").run();
    raw.close();
    expect((await verify(core)).firstProblem).toMatchObject({ kind: 'row_changed', entryId: ids[4] });
  });

  it('re-hash from an entry: the chain is flawless, the witness is not fooled', async () => {
    const core = await openTestCore();
    const ids = await history(core);
    const raw = intruder(core.file);
    forgeChain(raw, (rows) => rows.map((r) => (r.id === ids[1] ? { ...r, actor: '伪造者' } : r)));
    raw.close();
    const v = await verify(core);
    expect(v.ok).toBe(false);
    expect(v.firstProblem).toMatchObject({ kind: 'witness_mismatch', entryId: ids[1] });
    // Without any witness the rewrite is invisible: that is what the witness is for.
    expect(verifyChain(core.db).ok).toBe(true);
    expect(refusedAtOpen(core)).toMatch(/^audit\.broken:(witness|checkpoint)_mismatch$/);
  });

  it('insert: an entry slipped into the middle and everything after re-hashed', async () => {
    const core = await openTestCore();
    const ids = await history(core);
    const raw = intruder(core.file);
    forgeChain(raw, (rows) => {
      const at = rows.findIndex((r) => r.id === ids[2]);
      const fake = { ...rows[at]!, kind: 'settings.update', actor: '伪造者', payload: '{}' };
      return [...rows.slice(0, at), fake, ...rows.slice(at)];
    });
    raw.close();
    expect((await verify(core)).firstProblem).toMatchObject({ kind: 'witness_mismatch', entryId: ids[2] });
  });

  it('insert: a row added without an entry', async () => {
    const core = await openTestCore();
    await history(core);
    const raw = intruder(core.file);
    raw.prepare("INSERT INTO settings (key, value) VALUES ('timeZone', '\"UTC\"')").run();
    raw.close();
    expect((await verify(core)).firstProblem).toMatchObject({ kind: 'row_unaudited', rowId: 'timeZone' });
  });

  it('delete: the last entries removed together with the rows they recorded', async () => {
    const core = await openTestCore();
    await history(core);
    const a = await core.call('people.save', { name: '甲', roles: ['lead'] });
    const cut = (await core.call('app.info', {})).auditHead!.id + 1;
    await core.call('people.save', { name: '乙', roles: ['lead'] });
    await core.call('people.save', { name: '丙', roles: ['second'] });
    const raw = intruder(core.file);
    raw.prepare('DELETE FROM audit_log WHERE id >= ?').run(cut);
    raw.prepare('DELETE FROM people WHERE id > ?').run(a.id);
    raw.close();
    expect(verifyChain(core.db).ok).toBe(true); // a clean, shorter chain…
    expect((await verify(core)).firstProblem).toMatchObject({ kind: 'witness_missing', entryId: cut });
    expect(refusedAtOpen(core)).toBe('audit.broken:witness_missing');
  });

  it('truncate the tail: the last entries cut off, the rows left', async () => {
    const core = await openTestCore();
    const ids = await history(core);
    const raw = intruder(core.file);
    raw.prepare('DELETE FROM audit_log WHERE id >= ?').run(ids[3]);
    raw.close();
    expect((await verify(core)).firstProblem).toMatchObject({ kind: 'witness_missing', entryId: ids[3] });
  });

  it('delete in the middle: a gap, or with re-hashing, the witness', async () => {
    const core = await openTestCore();
    const ids = await history(core);
    const raw = intruder(core.file);
    raw.prepare('DELETE FROM audit_log WHERE id = ?').run(ids[2]);
    expect(verifyChain(raw).firstProblem).toMatchObject({ entryId: ids[3] });
    forgeChain(raw, (rows) => rows);
    raw.close();
    expect((await verify(core)).firstProblem).toMatchObject({ kind: 'witness_mismatch', entryId: ids[2] });
  });

  it('PIN rows: a PIN deleted or swapped behind the app is named, and refused at signing', async () => {
    const core = await openTestCore();
    const leader = await core.call('people.save', { name: '王局长', roles: ['leader'] });
    await core.call('people.setPin', { id: leader.id, pin: '246810' });
    const setAt = (await core.call('app.info', {})).auditHead!.id;
    const other = await openTestCore();
    const o = await other.call('people.save', { name: '某人', roles: ['leader'] });
    await other.call('people.setPin', { id: o.id, pin: '135791' });
    const forgedHash = other.db.prepare('SELECT pin_hash FROM person_pins').pluck().get() as string;

    const raw = intruder(core.file);
    raw.prepare('UPDATE person_pins SET pin_hash = ? WHERE person_id = ?').run(forgedHash, leader.id);
    raw.close();
    expect((await verify(core)).firstProblem).toMatchObject({
      kind: 'row_changed',
      entryId: setAt,
      table: 'person_pins',
      rowId: String(leader.id),
    });

    const raw2 = intruder(core.file);
    raw2.prepare('DELETE FROM person_pins WHERE person_id = ?').run(leader.id);
    raw2.close();
    expect((await verify(core)).firstProblem).toMatchObject({
      kind: 'row_missing',
      entryId: setAt,
      table: 'person_pins',
    });
    const r = await core.service.invoke('operator.switch', { personId: leader.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'operator.pin_tampered' } });
  });

  it('a forger who also rewrites the witness beside the database is caught by a backup’s witness', async () => {
    const core = await openTestCore();
    const ids = await history(core);
    const backup = `${core.dir}/b.sqlite`;
    await core.call('backup.now', {}).then((b) => copyFileSync(`${b.file}.witness`, `${backup}.witness`));
    const raw = intruder(core.file);
    forgeChain(raw, (rows) => rows.map((r) => (r.id === ids[0] ? { ...r, actor: '伪造者' } : r)));
    const head = { id: lastId(raw), hash: raw.prepare('SELECT hash FROM audit_log ORDER BY id DESC').pluck().get() };
    raw.close();
    rmSync(`${core.file}.witness`);
    writeWitness(`${core.file}.witness`, head as { id: number; hash: string });
    expect((await verify(core)).ok).toBe(true);
    const v = verifyChain(core.db, { witnesses: [`${backup}.witness`] });
    expect(v.firstProblem).toMatchObject({ kind: 'witness_mismatch' });
  });

  it('an issued document keeps the head it reflects: a rewrite after it shows even with the witness rewritten', async () => {
    const { core } = await dayWithIncidents();
    await core.call('exports.dailyReport', { period: { date: '2026-11-23' }, format: 'docx' });
    const issued = core.db.prepare('SELECT id FROM issued_documents').pluck().get() as number;
    const raw = intruder(core.file);
    forgeChain(raw, (rows) => rows.map((r) => (r.id === 1 ? { ...r, actor: '伪造者' } : r)));
    const head = raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      hash: string;
    };
    raw.close();
    writeWitness(`${core.file}.witness`, head);
    expect((await verify(core)).firstProblem).toMatchObject({
      kind: 'anchor_mismatch',
      table: 'issued_documents',
      rowId: String(issued),
    });
  });
});
