import { CATEGORIES, LEVELS, type Incident } from '../contract/incidents';
import { CATEGORY_ZH, LEVEL_ZH, chineseNumber } from '../contract/field-labels';
import type { Instruction } from '../contract/log-entries';
import type { Block } from './blocks';
import type { DailyData, DailyIncident } from './daily-data';
import { casualtiesText, cnTime, cnTimeAfter, happenedText, lossText, reportStatusText } from './wording';

const LEVEL_SHORT: Record<Incident['level'], string> = {
  I: '特别重大',
  II: '重大',
  III: '较大',
  IV: '一般',
  unrated: '未定级',
};

/** 3人死亡、1人失踪、2人重伤、5人受伤 — missing named, 重伤 kept apart from 受伤; '' when nobody. */
function totalsText(incs: DailyIncident[]): string {
  const sum = (k: keyof Incident['casualties']) => incs.reduce((a, i) => a + i.facts.casualties[k], 0);
  const parts = (
    [
      ['deaths', '死亡'],
      ['missing', '失踪'],
      ['seriouslyInjured', '重伤'],
      ['injured', '受伤'],
    ] as const
  )
    .map(([k, w]) => [sum(k), w] as const)
    .filter(([n]) => n > 0)
    .map(([n, w]) => `${n}人${w}`);
  return parts.join('、');
}

export function summaryBlocks(d: DailyData): Block[] {
  const news = d.incidents.filter((x) => x.isNew);
  const ongoing = d.incidents.length - news.length;
  const incs = news.map((x) => x.facts);
  const count = (pred: (i: (typeof incs)[number]) => boolean) => incs.filter(pred).length;
  const byCat = CATEGORIES.map((c) => [CATEGORY_ZH[c], count((i) => i.category === c)] as const).filter(([, n]) => n);
  const totals = totalsText(news);
  const more = ongoing ? `另有${ongoing}起此前接报的事件有新进展。` : '';
  const text = incs.length
    ? `${d.period.label}，共接报突发事件${incs.length}起${
        byCat.length ? `，其中${byCat.map(([c, n]) => `${c}${n}起`).join('、')}` : ''
      }；${totals ? `共造成${totals}` : '未造成人员伤亡'}。${more}`
    : `${d.period.label}，未接报新的突发事件。${more}`;
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
      // 4号 characters + cell margins: 公共卫生事件 and 特别重大 stay on one line in every suite.
      widths: [74, 52, 36, 36, 36, 44, 38],
    });
  }
  return blocks;
}

const heading2 = (n: number, x: DailyIncident): Block => ({
  t: 'heading',
  level: 2,
  text: `（${chineseNumber(n + 1)}）${x.facts.title}（${CATEGORY_ZH[x.facts.category]}${
    x.facts.subtype ? `·${x.facts.subtype}` : ''
  }，${LEVEL_ZH[x.facts.level]}）`,
});

export function newIncidentBlocks(d: DailyData): Block[] {
  const tz = d.settings.timeZone;
  const news = d.incidents.filter((x) => x.isNew);
  if (!news.length) return [{ t: 'para', text: '无。' }];
  return news.flatMap((x, n): Block[] => {
    const f = x.facts;
    return [
      heading2(n, x),
      { t: 'para', text: `${cnTime(f.occurredAt, tz)}，${happenedText(f)}。${f.summary}` },
      { t: 'para', text: `伤亡及损失：${casualtiesText(f.casualties)}；${lossText(f)}。` },
      { t: 'para', text: `处置措施：${f.measures || '暂无'}` },
      {
        t: 'para',
        text: `报送情况：${reportStatusText(x.reports, tz)}。当前状态：${x.status === 'closed' ? '已结束' : '处置中'}。`,
      },
    ];
  });
}

/** 续报情况: ongoing incidents, with only what happened in the period, then the figures at its end. */
export function ongoingBlocks(d: DailyData): Block[] {
  const tz = d.settings.timeZone;
  return d.incidents
    .filter((x) => !x.isNew)
    .flatMap((x, n): Block[] => [
      heading2(n, x),
      {
        t: 'para',
        text: `处置进展：该事件于${cnTime(x.facts.receivedAt, tz)}接报。${x.progress.map((p) => p.text).join('')}`,
      },
      {
        t: 'para',
        text: `截至${cnTime(d.period.to, tz)}，${casualtiesText(x.facts.casualties)}；${lossText(x.facts)}。当前状态：${
          x.status === 'closed' ? '已结束' : '处置中'
        }。`,
      },
    ]);
}

/**
 * 11月23日9时18分，张书记就…批示：“…”。9时30分已传达市应急管理局；10时15分市应急管理局反馈：…。正在落实。
 * Relay and feedback up to the end of the period, each with its time.
 */
function instructionText(ins: Instruction, about: string, until: string, tz: string): string {
  const actions = ins.actions.filter((a) => a.at < until);
  const follow = actions
    .filter((a) => a.kind !== 'completed')
    .map((a) =>
      a.kind === 'relay'
        ? `${cnTimeAfter(a.at, ins.givenAt, tz)}已传达${a.party}${a.text ? `（${a.text}）` : ''}`
        : `${cnTimeAfter(a.at, ins.givenAt, tz)}${a.party}反馈：${a.text.replace(/[。；，.;,\s]+$/u, '')}`,
    )
    .join('；');
  const done = actions.some((a) => a.kind === 'completed');
  return `${cnTime(ins.givenAt, tz)}，${ins.leader}${about}批示：“${ins.text}”${follow ? `${follow}。` : ''}${
    done ? '已落实。' : '正在落实。'
  }`;
}

export function instructionBlocks(d: DailyData): Block[] {
  const tz = d.settings.timeZone;
  if (!d.instructions.length) return [{ t: 'para', text: '无。' }];
  const titleOf = new Map(d.incidents.map((x) => [x.incident.id, x.facts.title]));
  return d.instructions.map((ins) => {
    const title = ins.incidentId != null ? titleOf.get(ins.incidentId) : undefined;
    return { t: 'para', text: instructionText(ins, title ? `就${title}` : '', d.period.to, tz) };
  });
}
