import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { createContext } from '../../electron/core/context';
import { NO_WIRING } from '../../electron/core/wiring';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import { createIncident } from '../../electron/core/incidents/incident-repo';
import { listIncidents } from '../../electron/core/incidents/list-query';
import { search } from '../../electron/core/incidents/search';
import type { IncidentFacts } from '../../electron/core/contract';

/**
 * 100,000 incidents through the real write path (facts, version, audit entry, search index), then the
 * two reads an officer waits on: the first page of the log and a search. Targets: both well under
 * 50 ms so the list stays instant.
 */
const N = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const PLACES = ['化工园区', '人民路', '江北大桥', '高新区', '火车站', '滨江公园', '港口码头', '老城区'];
const KINDS: [IncidentFacts['category'], string, string][] = [
  ['accident', '火灾', '厂房起火，消防到场处置'],
  ['accident', '危化品', '储罐泄漏，周边群众已疏散'],
  ['accident', '道路交通', '多车追尾，伤亡情况核实中'],
  ['natural', '洪涝', '暴雨导致内涝，车辆被困'],
  ['public_health', '食物中毒', '学校食堂疑似食物中毒'],
  ['social_security', '群体性事件', '群众聚集上访'],
];

const dir = mkdtempSync(join(tmpdir(), 'duty-room-bench-'));
const clock = new ManualClock('2026-11-24T00:00:00Z');
const db = openDatabase(join(dir, 'bench.sqlite'), { clock, appVersion: 'bench' });
const ctx = createContext({ db, clock, appVersion: 'bench', dataFile: 'bench', wiring: NO_WIRING });
const start = Date.parse('2025-11-24T00:00:00Z');
const seeded = Date.now();
db.transaction(() => {
  for (let i = 0; i < N; i++) {
    const [category, subtype, summary] = KINDS[i % KINDS.length]!;
    const at = new Date(start + Math.floor((i / N) * 364 * 86_400_000)).toISOString();
    createIncident(ctx, {
      title: `${PLACES[i % PLACES.length]}${subtype}事件${i}`,
      occurredAt: at,
      receivedAt: at,
      sourceUnit: '区应急管理局',
      sourcePerson: '',
      sourcePhone: '',
      involvedUnit: '',
      place: `${PLACES[(i * 7) % PLACES.length]}${i % 100}号`,
      district: ['江北区', '江南区', '高新区'][i % 3]!,
      category,
      subtype,
      level: (['I', 'II', 'III', 'IV', 'IV', 'IV'] as const)[i % 6]!,
      sensitive: false,
      casualties: { deaths: i % 5, missing: 0, seriouslyInjured: 0, injured: i % 7, trapped: 0, evacuated: 0 },
      economicLoss: null,
      summary: `${summary}（编号${i}）`,
      cause: '',
      measures: '',
      leadersNotified: '',
    });
  }
})();
console.log(`seeded ${N} incidents in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

describe(`incident log over ${N} incidents`, () => {
  bench('first page of the log (50, newest first)', () => {
    listIncidents(ctx, { limit: 50 });
  });
  bench('first page filtered by level and district', () => {
    listIncidents(ctx, { limit: 50, level: 'III', district: '江北区' });
  });
  bench('search a two-character word (火灾)', () => {
    search(ctx, { q: '火灾', limit: 30 });
  });
  bench('search a phrase (储罐泄漏)', () => {
    search(ctx, { q: '储罐泄漏', limit: 30 });
  });
  bench('log filtered by search text (内涝)', () => {
    listIncidents(ctx, { limit: 50, q: '内涝' });
  });
});
