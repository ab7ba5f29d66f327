import { describe, expect, it } from 'vitest';
import { instructionIds, ongoingRows } from '../../electron/core/documents/daily-activity';
import { chemicalFire } from './fixtures';
import { sendMeta } from './documents-fixtures';
import { openTestCore, type TestCore } from './helpers';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

function at(core: TestCore, iso: string) {
  const ms = Date.parse(iso) - core.clock.now().getTime();
  if (ms > 0) core.clock.advance(ms);
}

/** The text of one numbered section of the daily report, up to the next one. */
function section(doc: string, title: string): string {
  const start = doc.indexOf(`、${title}`);
  if (start < 0) return '';
  const next = doc.slice(start + 1).search(/[一二三四五六七]、/);
  return next < 0 ? doc.slice(start) : doc.slice(start, start + 1 + next);
}

/**
 * Ten incidents received on 20 Nov, each touched (or not) in the shift of 23 Nov (00:30Z–00:30Z next day)
 * in one way: a 续报 sent, an instruction given, an amendment of the figures, a response started, an
 * older instruction relayed, nothing, an amendment then voided, a 续报 in the next shift, a call, a 终报.
 */
async function oldIncidentsTouched() {
  const core = await openTestCore({ start: '2026-11-20T01:00:00Z' });
  const ids: Record<string, number> = {};
  for (const [k, name] of ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'].entries()) {
    const receivedAt = new Date(Date.parse('2026-11-20T00:10:00Z') + k * 60_000).toISOString();
    const inc = await core.call(
      'incidents.create',
      chemicalFire({ title: `${name}号仓库火灾`, occurredAt: '2026-11-20T00:00:00Z', receivedAt, economicLoss: 100 }),
    );
    ids[name] = inc.id;
    const d = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    await core.call('reports.send', { id: d.id, sentAt: '2026-11-20T01:00:00Z', ...sendMeta });
  }
  at(core, '2026-11-21T02:00:00Z');
  const older = await core.call('instructions.create', {
    incidentId: ids['戊']!,
    leader: '王副市长',
    givenAt: '2026-11-21T02:00:00Z',
    text: '查明起火原因。',
  });

  at(core, '2026-11-23T01:00:00Z');
  await core.call(
    'incidents.create',
    chemicalFire({
      title: '新接报道路塌陷',
      occurredAt: '2026-11-23T00:50:00Z',
      receivedAt: '2026-11-23T01:00:00Z',
      economicLoss: 10,
    }),
  );
  const followup = async (name: string, kind: 'followup' | 'final', sentAt: string) => {
    at(core, sentAt);
    const d = await core.call('reports.draft', { incidentId: ids[name]!, kind });
    await core.call('reports.send', { id: d.id, sentAt, ...sendMeta });
  };
  const amend = async (name: string, deaths: number) => {
    const live = (await core.call('incidents.get', { id: ids[name]! })).incident;
    return core.call('incidents.amend', {
      id: live.id,
      expectedVersion: live.version,
      reason: '伤亡核实',
      changes: { casualties: { ...live.casualties, deaths } },
    });
  };
  await followup('甲', 'followup', '2026-11-23T02:00:00Z');
  at(core, '2026-11-23T03:00:00Z');
  await core.call('instructions.create', {
    incidentId: ids['乙']!,
    leader: '张书记',
    givenAt: '2026-11-23T03:00:00Z',
    text: '全力救治伤员。',
  });
  at(core, '2026-11-23T04:00:00Z');
  await amend('丙', 5);
  at(core, '2026-11-23T05:00:00Z');
  const plan = (await core.call('plans.list', {})).find((p) => p.name.includes('危险化学品'))!;
  await core.call('activations.start', {
    incidentId: ids['丁']!,
    planId: plan.id,
    level: 'III',
    orderedBy: '常务副市长',
    at: '2026-11-23T05:00:00Z',
  });
  at(core, '2026-11-23T06:00:00Z');
  await core.call('instructions.addAction', {
    instructionId: older.id,
    kind: 'relay',
    at: '2026-11-23T06:00:00Z',
    party: '市消防救援支队',
    text: '',
  });
  at(core, '2026-11-23T07:00:00Z');
  const g = await amend('庚', 6);
  await core.call('incidents.void', { id: g.id, expectedVersion: g.version, reason: '重复录入' });
  at(core, '2026-11-23T08:00:00Z');
  await core.call('calls.create', {
    incidentId: ids['壬']!,
    at: '2026-11-23T08:00:00Z',
    direction: 'in',
    party: '市消防救援支队',
    number: '0571-12345678',
    gist: '现场明火已扑灭。',
  });
  await followup('癸', 'final', '2026-11-23T09:00:00Z');
  await followup('辛', 'followup', '2026-11-24T02:00:00Z');
  return { core, ids, instructionId: older.id };
}

describe('daily report: older incidents touched in the period', () => {
  it('tells each incident touched in the shift in 续报情况, only those, with that shift’s activity', async () => {
    const { core } = await oldIncidentsTouched();
    const doc = text((await core.call('exports.preview', { kind: 'daily', period: { date: '2026-11-23' } })).html);
    expect(section(doc, '突发事件情况')).toContain('新接报道路塌陷');
    const ongoing = section(doc, '续报情况');
    const told = [...ongoing.matchAll(/（[一二三四五六七八九十]+）(.)号仓库火灾/g)].map((m) => m[1]);
    // In the order they were received; a relayed older instruction, a call, a void or a 续报 the next
    // shift does not make an incident this shift's 续报.
    expect(told).toEqual(['甲', '乙', '丙', '丁', '癸']);
    expect(ongoing).toContain('11月23日10时00分，续报一以电子公文报省应急管理厅。');
    expect(ongoing).toContain('11月23日11时00分，张书记作出批示（见领导批示情况）。');
    expect(ongoing).toContain('11月23日12时00分，死亡人数由3人增至5人。');
    expect(ongoing).toMatch(/11月23日13时00分，经常务副市长决定启动危险化学品[^。]*Ⅲ级响应。/);
    expect(ongoing).toContain('11月23日17时00分，终报以电子公文报省应急管理厅。');
    expect(ongoing).toContain('现场处置结束。');
    // Each tells only this shift: the initial reports of 20 Nov are not retold.
    expect(ongoing).not.toContain('初报以电子公文');
    const instructions = section(doc, '领导批示情况');
    // Given on 21 Nov and relayed in this shift: printed with its relay (its incident is not in the issue).
    expect(instructions).toContain(
      '11月21日10时00分，王副市长批示：“查明起火原因。”11月23日14时00分已传达市消防救援支队。',
    );
    expect(instructions).toContain('张书记就乙号仓库火灾批示：“全力救治伤员。”');

    const next = text((await core.call('exports.preview', { kind: 'daily', period: { date: '2026-11-24' } })).html);
    expect(
      [...section(next, '续报情况').matchAll(/（[一二三四五六七八九十]+）(.)号仓库火灾/g)].map((m) => m[1]),
    ).toEqual(['辛']);
    const before = text((await core.call('exports.preview', { kind: 'daily', period: { date: '2026-11-22' } })).html);
    expect(section(before, '续报情况')).toBe('');
  }, 60_000);

  it('finds the same incidents and instructions as testing every earlier record did, whatever the period', async () => {
    const { core } = await oldIncidentsTouched();
    // The query this replaced (it read every earlier incident and instruction): the reference.
    const scanOngoing = `SELECT id FROM incidents i WHERE received_at < ? AND status != 'voided' AND (
         EXISTS (SELECT 1 FROM reports r WHERE r.incident_id = i.id AND r.status = 'sent' AND r.sent_at >= ? AND r.sent_at < ?)
         OR EXISTS (SELECT 1 FROM instructions n WHERE n.incident_id = i.id AND n.given_at >= ? AND n.given_at < ?)
         OR EXISTS (SELECT 1 FROM incident_versions v WHERE v.incident_id = i.id AND v.kind != 'created' AND v.at >= ? AND v.at < ?)
         OR EXISTS (SELECT 1 FROM activation_events e JOIN activations a ON a.id = e.activation_id
                    WHERE a.incident_id = i.id AND e.at >= ? AND e.at < ?))
       ORDER BY received_at, id`;
    const scanInstructions = `SELECT id FROM instructions n WHERE (given_at >= ? AND given_at < ?)
         OR (given_at < ? AND EXISTS (SELECT 1 FROM instruction_actions a WHERE a.instruction_id = n.id AND a.at >= ? AND a.at < ?))
       ORDER BY given_at, id`;
    let nonEmpty = 0;
    // Every hour-long and day-long window over the record, starting on the hour.
    for (let t = Date.parse('2026-11-19T00:00:00Z'); t < Date.parse('2026-11-25T00:00:00Z'); t += 3_600_000)
      for (const len of [3_600_000, 86_400_000]) {
        const from = new Date(t).toISOString();
        const to = new Date(t + len).toISOString();
        const expected = await core.sql.column<number>(scanOngoing, [from, from, to, from, to, from, to, from, to]);
        expect((await ongoingRows(core.service.ctx, from, to)).map((r) => r.id)).toEqual(expected);
        expect(await instructionIds(core.service.ctx, from, to)).toEqual(
          await core.sql.column<number>(scanInstructions, [from, to, from, from, to]),
        );
        if (expected.length) nonEmpty++;
      }
    expect(nonEmpty).toBeGreaterThan(20);
  }, 60_000);
});
