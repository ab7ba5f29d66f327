import type { IncidentCreate } from '../../electron/core/contract';

/** A realistic 较大 chemical-plant fire, received at 09:05 Beijing time on 23 Nov 2026. */
export function chemicalFire(overrides: Partial<IncidentCreate> = {}): IncidentCreate {
  return {
    title: '大江化工园区某化工厂火灾',
    occurredAt: '2026-11-23T00:50:00Z',
    receivedAt: '2026-11-23T01:05:00Z',
    sourceUnit: '市消防救援支队',
    sourcePerson: '张伟',
    sourcePhone: '0571-12345678',
    involvedUnit: '大江精细化工有限公司',
    place: '大江化工园区纬三路18号',
    district: '江北区',
    category: 'accident',
    subtype: '危化品',
    level: 'III',
    sensitive: false,
    casualties: { deaths: 3, missing: 1, seriouslyInjured: 2, injured: 5, trapped: 0, evacuated: 120 },
    economicLoss: null,
    summary: '储罐区发生火灾并伴有爆炸，消防救援力量已到场处置。',
    cause: '',
    measures: '已疏散周边群众120人，封控园区道路。',
    leadersNotified: '',
    ...overrides,
  };
}
