import { chemicalFire } from './fixtures';
import { sendMeta } from './documents-fixtures';
import type { CoreWiring } from '../../electron/core/wiring';
import { openTestCore, type TestCore } from './helpers';

/** Moves the manual clock to an instant (never backwards). */
function at(core: TestCore, iso: string) {
  const ms = Date.parse(iso) - core.clock.now().getTime();
  if (ms > 0) core.clock.advance(ms);
}

/**
 * Two shifts (08:30 handovers, Asia/Shanghai). The chemical fire is received in the shift of 22 Nov; in
 * the shift of 23 Nov its figures change at 15:30, a 续报 goes up, and the response is started at Ⅲ
 * (13:50), raised to Ⅱ (14:30) and terminated (17:10). The 23 Nov shift also receives a road accident,
 * a sensitive petition, and enough incidents to run onto a second page.
 */
export async function shiftWithOngoing(
  extra = 6,
  wiring?: CoreWiring,
): Promise<{ core: TestCore; fireId: number; sensitiveId: number }> {
  const core = await openTestCore({ start: '2026-11-22T05:25:00Z', wiring });
  const fire = await core.call(
    'incidents.create',
    chemicalFire({
      occurredAt: '2026-11-22T05:00:00Z',
      receivedAt: '2026-11-22T05:20:00Z',
      casualties: { deaths: 2, missing: 3, seriouslyInjured: 2, injured: 5, trapped: 0, evacuated: 120 },
      economicLoss: 500,
    }),
  );
  at(core, '2026-11-22T05:40:00Z');
  const d0 = await core.call('reports.draft', { incidentId: fire.id, kind: 'initial' });
  await core.call('reports.send', { id: d0.id, sentAt: '2026-11-22T05:40:00Z', ...sendMeta });

  // The 23 Nov shift (00:30Z 23 Nov to 00:30Z 24 Nov).
  at(core, '2026-11-23T01:10:00Z');
  await core.call(
    'incidents.create',
    chemicalFire({
      title: '沿江大道多车追尾事故',
      subtype: '道路交通',
      level: 'IV',
      place: '沿江大道与滨江路交叉口',
      district: '滨江区',
      occurredAt: '2026-11-23T01:00:00Z',
      receivedAt: '2026-11-23T01:05:00Z',
      casualties: { deaths: 0, missing: 0, seriouslyInjured: 1, injured: 4, trapped: 0, evacuated: 0 },
      summary: '5车追尾，交警已到场疏导交通。',
      measures: '120急救车送伤员至市第一人民医院。',
    }),
  );
  at(core, '2026-11-23T01:45:00Z');
  const petition = await core.call(
    'incidents.create',
    chemicalFire({
      title: '某小区业主集体上访',
      category: 'social_security',
      subtype: '群体性事件',
      level: 'IV',
      sensitive: true,
      place: '市信访局门前',
      district: '江北区',
      involvedUnit: '不涉及',
      occurredAt: '2026-11-23T01:30:00Z',
      receivedAt: '2026-11-23T01:40:00Z',
      casualties: { deaths: 0, missing: 0, seriouslyInjured: 0, injured: 0, trapped: 0, evacuated: 0 },
      summary: '约60名业主因房屋质量问题聚集上访。',
      measures: '信访、公安部门已到场劝导。',
    }),
  );
  for (let i = 0; i < extra; i++) {
    at(core, `2026-11-23T02:${String(10 + i * 5).padStart(2, '0')}:00Z`);
    await core.call(
      'incidents.create',
      chemicalFire({
        title: `城区第${i + 1}起居民楼火灾`,
        subtype: '火灾',
        level: 'IV',
        place: `城东区建设路${i + 10}号居民楼`,
        district: '城东区',
        occurredAt: core.clock.now().toISOString(),
        receivedAt: core.clock.now().toISOString(),
        casualties: { deaths: 0, missing: 0, seriouslyInjured: 0, injured: i % 2, trapped: 0, evacuated: 20 },
        summary:
          '居民楼厨房起火，消防救援站接警后迅速出动，到场后组织内攻灭火并疏散楼内群众，明火已于到场后二十分钟扑灭，现场无复燃危险，起火原因正在调查。',
        measures: '消防救援站出动3车15人处置，社区组织疏散并安置受影响住户。',
      }),
    );
  }

  const plan = (await core.call('plans.list', {})).find((p) => p.name.includes('危险化学品'))!;
  at(core, '2026-11-23T05:50:00Z');
  const a = await core.call('activations.start', {
    incidentId: fire.id,
    planId: plan.id,
    level: 'III',
    orderedBy: '常务副市长',
    at: '2026-11-23T05:50:00Z',
  });
  at(core, '2026-11-23T06:30:00Z');
  await core.call('activations.changeLevel', { id: a.id, level: 'II', orderedBy: '市长', at: '2026-11-23T06:30:00Z' });

  at(core, '2026-11-23T07:30:00Z');
  const live = (await core.call('incidents.get', { id: fire.id })).incident;
  await core.call('incidents.amend', {
    id: fire.id,
    expectedVersion: live.version,
    reason: '伤亡核实',
    changes: {
      casualties: { ...fire.casualties, deaths: 3, missing: 1 },
      economicLoss: 850,
    },
  });
  const d1 = await core.call('reports.draft', { incidentId: fire.id, kind: 'followup' });
  at(core, '2026-11-23T08:00:00Z');
  await core.call('reports.send', { id: d1.id, sentAt: '2026-11-23T08:00:00Z', ...sendMeta });
  at(core, '2026-11-23T08:05:00Z');
  const ins = await core.call('instructions.create', {
    incidentId: fire.id,
    leader: '张书记',
    givenAt: '2026-11-23T08:05:00Z',
    text: '全力搜救失踪人员，严防次生灾害。',
  });
  at(core, '2026-11-23T08:20:00Z');
  await core.call('instructions.addAction', {
    instructionId: ins.id,
    kind: 'relay',
    at: '2026-11-23T08:20:00Z',
    party: '市应急管理局',
    text: '',
  });
  at(core, '2026-11-23T08:50:00Z');
  await core.call('instructions.addAction', {
    instructionId: ins.id,
    kind: 'feedback',
    at: '2026-11-23T08:50:00Z',
    party: '市应急管理局',
    text: '已增派搜救力量。',
  });
  at(core, '2026-11-23T09:10:00Z');
  await core.call('activations.terminate', { id: a.id, orderedBy: '市长', at: '2026-11-23T09:10:00Z' });
  // The next morning, after the shift: the document of 23 Nov is issued now.
  at(core, '2026-11-24T00:40:00Z');
  return { core, fireId: fire.id, sensitiveId: petition.id };
}
