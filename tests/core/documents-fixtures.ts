import JSZip from 'jszip';
import type { CoreWiring } from '../../electron/core/wiring';
import type { TestCore } from './helpers';
import { openTestCore } from './helpers';
import { chemicalFire } from './fixtures';

export const sendMeta = {
  channel: 'edoc' as const,
  recipientUnit: '省应急管理厅',
  approvingLeader: '李市长',
  sender: '王值班',
};

/** A day with two incidents, an initial report sent and a follow-up, and a leader's instruction. */
export async function dayWithIncidents(
  wiring?: CoreWiring,
): Promise<{ core: TestCore; initialId: number; followupId: number }> {
  const core = await openTestCore({ start: '2026-11-23T01:10:00Z', wiring });
  const fire = await core.call('incidents.create', chemicalFire({ economicLoss: 800 }));
  core.clock.advance(10 * 60_000);
  await core.call(
    'incidents.create',
    chemicalFire({
      title: '沿江大道多车追尾事故',
      category: 'accident',
      subtype: '道路交通',
      level: 'IV',
      place: '沿江大道与滨江路交叉口',
      district: '滨江区',
      occurredAt: '2026-11-23T01:00:00Z',
      receivedAt: '2026-11-23T01:15:00Z',
      casualties: { deaths: 0, missing: 0, seriouslyInjured: 1, injured: 4, trapped: 0, evacuated: 0 },
      summary: '5车追尾，交警已到场疏导交通。',
      measures: '120急救车送伤员至市第一人民医院。',
    }),
  );
  const d0 = await core.call('reports.draft', { incidentId: fire.id, kind: 'initial' });
  const initial = await core.call('reports.send', { id: d0.id, sentAt: '2026-11-23T01:20:00Z', ...sendMeta });
  await core.call('incidents.amend', {
    id: fire.id,
    expectedVersion: 1,
    reason: '伤亡更新',
    changes: { casualties: { ...fire.casualties, deaths: 4 } },
  });
  const d1 = await core.call('reports.draft', { incidentId: fire.id, kind: 'followup' });
  const followup = await core.call('reports.send', { id: d1.id, sentAt: '2026-11-23T01:20:00Z', ...sendMeta });
  await core.call('instructions.create', {
    incidentId: fire.id,
    leader: '张书记',
    givenAt: '2026-11-23T01:18:00Z',
    text: '全力搜救失踪人员，严防次生灾害。',
  });
  return { core, initialId: initial.id, followupId: followup.id };
}

export async function unzipText(base64: string, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const f = zip.file(path);
  if (!f) throw new Error(`${path} not in the archive`);
  return f.async('string');
}
