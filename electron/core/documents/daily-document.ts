import { CATEGORIES, LEVELS, type Incident } from '../contract/incidents';
import { CATEGORY_ZH, LEVEL_ZH, chineseNumber } from '../contract/field-labels';
import type { DailyIssue } from '../contract/documents';
import { chineseDate } from '../domain';
import type { Block, DocumentModel } from './blocks';
import type { DailyData } from './daily-data';
import { casualtiesText, cnTime, lossText, reportStatusText, GAP } from './wording';

const LEVEL_SHORT: Record<Incident['level'], string> = {
  I: '特别重大',
  II: '重大',
  III: '较大',
  IV: '一般',
  unrated: '未定级',
};

function summaryBlocks(d: DailyData): Block[] {
  const incs = d.incidents.map((x) => x.incident);
  const count = (pred: (i: Incident) => boolean) => incs.filter(pred).length;
  const byCat = CATEGORIES.map((c) => [CATEGORY_ZH[c], count((i) => i.category === c)] as const).filter(([, n]) => n);
  const deaths = incs.reduce((a, i) => a + i.casualties.deaths, 0);
  const injured = incs.reduce((a, i) => a + i.casualties.seriouslyInjured + i.casualties.injured, 0);
  const text = incs.length
    ? `${d.period.label}，共接报突发事件${incs.length}起${
        byCat.length ? `，其中${byCat.map(([c, n]) => `${c}${n}起`).join('、')}` : ''
      }；共造成${deaths}人死亡、${injured}人受伤。`
    : `${d.period.label}，未接报突发事件。`;
  const blocks: Block[] = [{ t: 'para', text }];
  if (incs.length) {
    blocks.push({
      t: 'table',
      head: ['类别', ...LEVELS.map((l) => LEVEL_SHORT[l]), '合计'],
      rows: [
        ...CATEGORIES.map((c) => [
          CATEGORY_ZH[c],
          ...LEVELS.map((l) => String(count((i) => i.category === c && i.level === l))),
          String(count((i) => i.category === c)),
        ]),
        ['合计', ...LEVELS.map((l) => String(count((i) => i.level === l))), String(incs.length)],
      ],
      widths: [3, 2, 2, 2, 2, 2, 2],
    });
  }
  return blocks;
}

function incidentBlocks(d: DailyData): Block[] {
  const tz = d.settings.timeZone;
  if (!d.incidents.length) return [{ t: 'para', text: '无。' }];
  return d.incidents.flatMap(({ incident: i, reports }, n): Block[] => [
    {
      t: 'heading',
      level: 2,
      text: `（${chineseNumber(n + 1)}）${i.title}（${CATEGORY_ZH[i.category]}${i.subtype ? `·${i.subtype}` : ''}，${LEVEL_ZH[i.level]}）`,
    },
    {
      t: 'para',
      text: `事发时间地点：${cnTime(i.occurredAt, tz)}，${i.place}${i.district ? `（${i.district}）` : ''}。`,
    },
    { t: 'para', text: `事件经过：${i.summary}` },
    { t: 'para', text: `伤亡及损失：${casualtiesText(i.casualties)}；${lossText(i)}。` },
    { t: 'para', text: `处置措施：${i.measures || '暂无'}` },
    {
      t: 'para',
      text: `报送情况：${reportStatusText(reports, tz)}。当前状态：${i.status === 'closed' ? '已结束' : '处置中'}。`,
    },
  ]);
}

function instructionBlocks(d: DailyData): Block[] {
  const tz = d.settings.timeZone;
  if (!d.instructions.length) return [{ t: 'para', text: '无。' }];
  const titleOf = new Map(d.incidents.map((x) => [x.incident.id, x.incident.title]));
  return d.instructions.map((ins) => {
    const about = ins.incidentId != null && titleOf.has(ins.incidentId) ? `就${titleOf.get(ins.incidentId)}` : '';
    // 传达 and 反馈 in the order they happened: the feedback is what the leader reads the report for.
    const relay = ins.actions
      .filter((a) => a.kind !== 'completed')
      .map((a) =>
        a.kind === 'relay'
          ? `${cnTime(a.at, tz)}已传达${a.party}`
          : `${cnTime(a.at, tz)}${a.party}反馈${a.text ? `：${a.text}` : ''}`,
      )
      .join('；');
    return {
      t: 'para',
      text: `${cnTime(ins.givenAt, tz)}，${ins.leader}${about}批示：“${ins.text}”${relay ? `${relay}。` : ''}${
        ins.status === 'completed' ? '已落实。' : '正在落实。'
      }`,
    };
  });
}

export interface DailyDocument extends DocumentModel {
  missingSections: string[];
}

export function dailyDocument(d: DailyData, issue: DailyIssue): DailyDocument {
  const office = d.settings.issuingOffice;
  const sections: [string, Block[]][] = [['突发事件情况', incidentBlocks(d)]];
  const missing: string[] = [];
  if (d.plans)
    sections.push([
      '应急预案启动情况',
      d.plans.length ? d.plans.map((p) => ({ t: 'para', text: p.text })) : [{ t: 'para', text: '无。' }],
    ]);
  else missing.push('plans');
  sections.push(['领导批示情况', instructionBlocks(d)]);
  if (d.onDuty) sections.push(['值班人员', d.onDuty.map((l) => ({ t: 'para', text: `${l.role}：${l.text}` }))]);
  else missing.push('onDuty');

  const head = d.auditHead;
  const dist = d.distribution;
  const imprint = [
    ...(dist.bao ? [`报：${dist.bao}`] : []),
    ...(dist.song ? [`送：${dist.song}`] : []),
    ...(dist.fa ? [`发：${dist.fa}`] : []),
    `${office}${GAP}${chineseDate(d.issuedAt, d.settings.timeZone)}印发`,
  ];
  return {
    title: `值班信息第${issue.seq}期（${d.period.label}）`,
    missingSections: missing,
    blocks: [
      {
        t: 'masthead',
        title: '值班信息',
        issue: `${issue.year}年第${issue.seq}期`,
        office,
        date: chineseDate(d.issuedAt, d.settings.timeZone),
      },
      { t: 'title', text: `${d.period.label}值班情况` },
      ...summaryBlocks(d),
      ...sections.flatMap(([h, b], i): Block[] => [
        { t: 'heading', level: 1, text: `${chineseNumber(i + 1)}、${h}` },
        ...b,
      ]),
      { t: 'imprint', lines: imprint, note: `审计链：#${head?.id ?? 0} ${head?.hash ?? ''}` },
    ],
  };
}
