import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { GENESIS_PREV, entryHash } from '../../electron/core/audit/chain';
import { describe, expect, it } from 'vitest';
import { chemicalFire } from './fixtures';
import { openTestCore, sqliteOnly } from './helpers';
import { expectRefused } from './refused';
import { generateNovember, seedPeople } from './roster-fixtures';

const EQUIP = { phone: 'ok', fax: 'ok', video: 'fault', satellite: 'ok', note: '视频会议终端无图像，已报修' } as const;

async function setup() {
  // 2026-11-10 08:00 local: the shift of the 9th is about to hand over to the 10th.
  const core = await openTestCore({ start: '2026-11-10T00:00:00Z' });
  const p = await seedPeople(core);
  await generateNovember(core, p);
  await core.call('people.setPin', { id: p.leads[1]!.id, pin: '135791' });
  // Everyone who signs or reviews has a PIN; 陈静 (second officer) and 李副秘书长 deliberately have none.
  await core.call('people.setPin', { id: p.leads[0]!.id, pin: '246802' });
  await core.call('people.setPin', { id: p.leaders[0]!.id, pin: '999999' });
  return { core, p };
}

describe('handover', () => {
  it('drafts from the roster, is completed, signed by both sides and reviewed, then frozen', async () => {
    const { core, p } = await setup();
    const d = await core.call('handover.draft', {});
    expect(d).toMatchObject({
      date: '2026-11-09',
      status: 'draft',
      outgoing: { name: '张伟' },
      incoming: { name: '刘洋' },
      leader: { name: '王局长' },
      live: { sources: { incidents: true, plans: true }, incidents: [] },
    });
    expect(await core.call('handover.draft', {})).toMatchObject({ id: d.id });
    await (
      await core
    ).call('handover.save', {
      id: d.id,
      notices: '市气象台预报明日有暴雨，注意防汛信息',
      equipment: EQUIP,
      notes: '',
      outgoingPersonId: d.outgoing!.id,
      incomingPersonId: d.incoming!.id,
    });
    const head = (await core.call('app.info', {})).auditHead!;
    const s1 = await (
      await core
    ).call('handover.sign', {
      id: d.id,
      side: 'outgoing',
      personId: p.leads[0]!.id,
      pin: '246802',
    });
    expect(s1.outgoingSignature).toMatchObject({ name: '张伟', auditId: head.id, auditHash: head.hash });
    const s2 = await (
      await core
    ).call('handover.sign', {
      id: d.id,
      side: 'incoming',
      personId: p.leads[1]!.id,
      pin: '135791',
    });
    expect(s2.status).toBe('signed');
    expect((await core.call('handover.list', { query: '' }))[0]).toMatchObject({ id: d.id, status: 'signed' });
    const r = await (
      await core
    ).call('handover.review', {
      id: d.id,
      personId: p.leaders[0]!.id,
      pin: '999999',
      comment: '已阅，注意防汛。',
    });
    expect(r).toMatchObject({ status: 'reviewed', review: { name: '王局长', comment: '已阅，注意防汛。' } });
    expect((await core.call('handover.list', { query: '暴雨' })).map((h) => h.id)).toEqual([d.id]);
    expect(await core.call('handover.list', { query: '地震' })).toEqual([]);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
    // The database itself refuses a change to the frozen record.
    await expectRefused(core, "UPDATE handovers SET notices = 'x' WHERE id = ?", [d.id], /frozen/);
    await expectRefused(core, 'DELETE FROM handovers WHERE id = ?', [d.id], /never deleted/);
  });

  it("refuses signing twice, out of order, in someone else's name, without PIN, and editing after signing", async () => {
    const { core, p } = await setup();
    const d = await core.call('handover.draft', {});
    const code = async (m: string, input: unknown) => {
      const r = await core.service.invokeRaw(m, input);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code('handover.sign', { id: d.id, side: 'incoming', personId: p.leads[1]!.id, pin: '135791' })).toBe(
      'handover.outgoing_first',
    );
    expect(await code('handover.sign', { id: d.id, side: 'outgoing', personId: p.seconds[0]!.id })).toBe(
      'handover.not_your_side',
    );
    expect(await code('handover.sign', { id: d.id, side: 'outgoing', personId: p.leads[0]!.id })).toBe(
      'operator.pin_required',
    );
    expect(await code('handover.sign', { id: d.id, side: 'outgoing', personId: p.leads[0]!.id, pin: '246802' })).toBe(
      'ok',
    );
    expect(await code('handover.sign', { id: d.id, side: 'outgoing', personId: p.leads[0]!.id, pin: '246802' })).toBe(
      'handover.already_signed',
    );
    expect(await code('handover.review', { id: d.id, personId: p.leaders[0]!.id, pin: '999999', comment: '阅' })).toBe(
      'handover.not_signed',
    );
    expect(await code('handover.sign', { id: d.id, side: 'incoming', personId: p.leads[1]!.id })).toBe(
      'operator.pin_required',
    );
    const save = { id: d.id, notices: 'x', equipment: EQUIP, notes: '', outgoingPersonId: 1, incomingPersonId: 2 };
    expect(await code('handover.save', save)).toBe('handover.frozen');
    await core.call('handover.sign', { id: d.id, side: 'incoming', personId: p.leads[1]!.id, pin: '135791' });
    expect(await code('handover.review', { id: d.id, personId: p.leaders[1]!.id, comment: '阅' })).toBe(
      'handover.not_leader',
    );
    expect((await core.call('handover.get', { id: d.id })).notices).toBe('');
  });

  it('lists open incidents with their next deadline and instructions being followed, frozen at signing', async () => {
    const { core, p } = await setup();
    core.clock.set('2026-11-23T01:20:00Z'); // 09:20 on the 23rd, 15 minutes after the fire was received
    const inc = await core.call('incidents.create', chemicalFire());
    await (
      await core
    ).call('instructions.create', {
      incidentId: inc.id,
      leader: '王市长',
      givenAt: '2026-11-23T01:15:00Z',
      text: '全力救治伤员，防止次生灾害',
    });
    const d = await core.call('handover.draft', {});
    expect(d.live.sources.incidents).toBe(true);
    expect(d.live.incidents).toEqual([
      expect.objectContaining({
        id: inc.id,
        title: chemicalFire().title,
        nextDeadline: expect.objectContaining({ kind: 'phone' }),
      }),
    ]);
    expect(d.live.deadlines.length).toBeGreaterThan(0);
    expect(d.live.instructions).toEqual([expect.objectContaining({ leader: '王市长' })]);
    const signed = await (
      await core
    ).call('handover.sign', {
      id: d.id,
      side: 'outgoing',
      personId: d.outgoing!.id,
      ...pinFor(d.outgoing!.id),
    });
    await core.call('incidents.create', chemicalFire({ title: '第二起' }));
    expect((await core.call('handover.draft', {})).live).toEqual(signed.live);
    function pinFor(id: number) {
      return { pin: id === p.leads[1]!.id ? '135791' : '246802' };
    }
  });
});

describe('handover and PIN guards', () => {
  it('refuses a signature or review from someone without a PIN, saying so', async () => {
    const { core, p } = await setup();
    await core.call('people.setPin', { id: p.leads[0]!.id, pin: null, currentPin: '246802' });
    const d = await core.call('handover.draft', {});
    const r = await (
      await core
    ).service.invoke('handover.sign', { id: d.id, side: 'outgoing', personId: p.leads[0]!.id });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'handover.pin_not_set', params: { name: '张伟' }, issues: [{ path: 'pin', code: 'pin_not_set' }] },
    });
    expect((await core.call('handover.get', { id: d.id })).outgoingSignature).toBeNull();
  });

  it('refuses one officer on both sides, and a PIN change without the current PIN', async () => {
    const { core, p } = await setup();
    const d = await core.call('handover.draft', {});
    const same = await (
      await core
    ).service.invoke('handover.save', {
      id: d.id,
      notices: '',
      equipment: d.equipment,
      notes: '',
      outgoingPersonId: p.leads[0]!.id,
      incomingPersonId: p.leads[0]!.id,
    });
    expect(same).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'incomingPersonId', code: 'same_person' }] },
    });

    const reset = await core.service.invoke('people.setPin', { id: p.leads[0]!.id, pin: '111111' });
    expect(reset).toMatchObject({ ok: false, error: { code: 'operator.pin_required' } });
    const wrong = await (
      await core
    ).service.invoke('people.setPin', {
      id: p.leads[0]!.id,
      pin: '111111',
      currentPin: '000000',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'operator.bad_pin' } });
    await core.call('people.setPin', { id: p.leads[0]!.id, pin: '111111', currentPin: '246802' });
  });
});

describe('handover signatures anchor the chain', () => {
  sqliteOnly.it(
    'rewrites the SQLite file',
    'detects a chain rewritten from an old entry onward, which the chain alone cannot',
    async () => {
      const { core, p } = await setup();
      const d = await core.call('handover.draft', {});
      await core.call('handover.sign', { id: d.id, side: 'outgoing', personId: p.leads[0]!.id, pin: '246802' });
      expect((await core.call('audit.verify', {})).ok).toBe(true);

      // Rewrite the genesis entry and re-hash everything after it, as a careful forger would.
      const raw = new Database(core.file);
      raw.exec('DROP TRIGGER audit_log_no_update');
      const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Parameters<typeof entryHash>[1][] &
        { id: number }[];
      let prev = GENESIS_PREV;
      for (const r of rows) {
        const row = r.id === 1 ? { ...r, actor: 'forger' } : r;
        const hash = entryHash(prev, row);
        raw
          .prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?')
          .run(row.actor, prev, hash, r.id);
        prev = hash;
      }
      raw.close();
      // The witness beside the database names the first rewritten entry…
      const v = await core.call('audit.verify', {});
      expect(v.ok).toBe(false);
      expect(v.firstProblem).toMatchObject({ kind: 'witness_mismatch', entryId: 1 });
      // …and with the witness gone too, the signature's anchor still shows the rewrite.
      rmSync(`${core.file}.witness`);
      const w = await core.call('audit.verify', {});
      expect(w.firstProblem).toMatchObject({ kind: 'anchor_mismatch', table: 'handovers', rowId: String(d.id) });
    },
  );
});
