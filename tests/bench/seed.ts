import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncidentCreate } from '../../electron/core/contract';
import type { CoreContext } from '../../electron/core/context';
import { fileLines, importIncidents } from '../../electron/core/incidents/import-file';

/**
 * Ten years of a city duty room, deterministic (no randomness: record i is a function of i), mixed
 * Chinese and English, seeded through the product's own write path for bringing in a previous system's
 * records: the batched import, each incident with its initial and final reports (which close all but the
 * last few hundred) and calls.
 */
export const NOW = '2026-11-24T00:00:00Z';
const SPAN_MS = 10 * 365 * 86_400_000;
/**
 * When the write measures' extra records were received: a year before the seeded span, so they add to the
 * totals without changing what the read measures see (today's deadlines, the newest pages, and the export
 * periods, which are cut by counting back from the newest).
 */
export const BEFORE_SEEDED = new Date(Date.parse(NOW) - SPAN_MS - 365 * 86_400_000).toISOString();
const FIRST = Date.parse(NOW) - SPAN_MS;
/** The day the daily-report measure exports: 200 extra incidents land on it. */
export const REPORT_DAY = '2026-11-20';
export const REPORT_DAY_INCIDENTS = 200;
/** The newest incidents stay open (today's work); a few older ones are left open and quiet (stale). */
export const OPEN_RECENT = 300;
export const OPEN_STALE = 50;

const PLACES = ['化工园区', '人民路', '江北大桥', '高新区', '火车站', '滨江公园', '港口码头', '老城区'];
const KINDS: [IncidentCreate['category'], string, string][] = [
  ['accident', '火灾', '厂房起火，消防到场处置'],
  ['accident', '危化品', '储罐泄漏，周边群众已疏散'],
  ['accident', '道路交通', '多车追尾，伤亡情况核实中'],
  ['natural', '洪涝', '暴雨导致内涝，车辆被困'],
  ['public_health', '食物中毒', '学校食堂疑似食物中毒'],
  ['social_security', '群体性事件', '群众聚集上访'],
  ['accident', '火灾', 'Warehouse fire reported by the port authority, crews on scene'],
];
const LEVELS = ['I', 'II', 'III', 'IV', 'IV', 'IV', 'IV', 'III'] as const;
const DISTRICTS = ['江北区', '江南区', '高新区', '滨江区'];

export function incidentFacts(i: number, at: string): IncidentCreate {
  const [category, subtype, summary] = KINDS[i % KINDS.length]!;
  return {
    title: `${PLACES[i % PLACES.length]}${subtype}事件${i}`,
    occurredAt: at,
    receivedAt: at,
    sourceUnit: '区应急管理局',
    sourcePerson: '',
    sourcePhone: '',
    involvedUnit: i % 3 === 0 ? `第${i % 97}化工厂` : 'Harbour Logistics Co.',
    place: `${PLACES[(i * 7) % PLACES.length]}${i % 100}号`,
    district: DISTRICTS[i % DISTRICTS.length]!,
    category,
    subtype,
    level: LEVELS[i % LEVELS.length]!,
    sensitive: i % 50 === 0,
    casualties: { deaths: i % 5, missing: 0, seriouslyInjured: i % 3, injured: i % 7, trapped: 0, evacuated: i % 11 },
    economicLoss: (i % 13) * 10,
    summary: `${summary}（编号${i}）`,
    cause: i % 4 === 0 ? '初步判断为电气线路故障' : '',
    measures: '已通知属地政府和相关部门赶赴现场',
    leadersNotified: '',
  };
}

/** Received times spread evenly over ten years, in order, ending an hour before NOW. */
export const receivedAt = (i: number, n: number) =>
  new Date(FIRST + Math.floor((i / n) * (SPAN_MS - 3_600_000))).toISOString();

/** The incident's line: its facts and, unless it stays open, the reports and the call made about it. */
function seedLine(facts: IncidentCreate, id: number, open: boolean): string {
  if (open) return JSON.stringify(facts);
  const at = Date.parse(facts.receivedAt);
  const sent = (kind: 'initial' | 'final', ms: number) => ({ kind, sentAt: new Date(at + ms).toISOString(), ...META });
  const calls =
    id % 10 === 0
      ? [
          {
            at: new Date(at + 5 * 60_000).toISOString(),
            direction: 'in',
            party: id % 20 === 0 ? 'Port authority duty desk' : '市消防救援支队',
            number: '0571-12345678',
            gist: id % 20 === 0 ? 'Fire contained, no casualties reported' : '现场火势已得到控制，正在核实伤亡',
          },
        ]
      : [];
  return JSON.stringify({ ...facts, reports: [sent('initial', 20 * 60_000), sent('final', 3 * 3_600_000)], calls });
}

/**
 * Writes the import files (JSON lines, ≤ 100,000 records each) and returns their paths. Every incident
 * but the newest OPEN_RECENT and OPEN_STALE older ones carries an initial report by e-document 20
 * minutes after receipt and a final one 3 hours later (which closes it), and every tenth a call: a
 * previous system's history, brought in by the same batched import.
 */
export function writeSeedFiles(dir: string, n: number): string[] {
  const files: string[] = [];
  const perFile = 100_000;
  const total = n + REPORT_DAY_INCIDENTS;
  const stale = new Set(Array.from({ length: OPEN_STALE }, (_, k) => Math.floor(((k + 1) * total) / 60)));
  const dayStart = Date.parse(`${REPORT_DAY}T00:00:00+08:00`);
  let position = 0;
  const line = (facts: IncidentCreate) => {
    const p = position++;
    // Ids are given in line order on the fresh bench database.
    return seedLine(facts, p + 1, p >= total - OPEN_RECENT || stale.has(p));
  };
  let dayWritten = false;
  for (let start = 0; start < n; start += perFile) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(n, start + perFile); i++) {
      const at = receivedAt(i, n);
      if (!dayWritten && Date.parse(at) >= dayStart) {
        for (let k = 0; k < REPORT_DAY_INCIDENTS; k++)
          lines.push(line(incidentFacts(k, new Date(dayStart + k * 7 * 60_000).toISOString())));
        dayWritten = true;
      }
      lines.push(line(incidentFacts(i, at)));
    }
    const file = join(dir, `seed-${files.length}.jsonl`);
    writeFileSync(file, lines.join('\n') + '\n');
    files.push(file);
  }
  return files;
}

const META = { channel: 'edoc', recipientUnit: '省应急管理厅', approvingLeader: '李市长', sender: '王值班' };

/** Imports the files: the incidents with their reports and calls, table by table, a file per transaction. */
export async function seed(ctx: CoreContext, files: string[], log: (msg: string) => void): Promise<void> {
  for (const f of files) {
    const r = await importIncidents(ctx, fileLines(f));
    log(`imported ${r.count} incidents with their reports and calls from ${f}`);
  }
}
