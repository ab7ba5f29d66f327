import { chineseNumber } from '../contract/field-labels';
import type { DailyIssue } from '../contract/documents';
import { chineseDate } from '../domain';
import type { Block, DocumentModel } from './blocks';
import type { DailyData } from './daily-data';
import { instructionBlocks, newIncidentBlocks, ongoingBlocks, summaryBlocks } from './daily-sections';

export interface DailyDocument extends DocumentModel {
  missingSections: string[];
}

export interface IssueOptions {
  /** A draft handed out without issuing: marked 样稿 in the masthead. */
  preview?: boolean;
  /** This issue corrects an earlier one: "2026年第3期", and why. */
  corrects?: { label: string; reason: string };
}

/** What the masthead's top-left carries: the sensitive marking (Settings) and/or 样稿. */
export function markingText(carriesSensitive: boolean, marking: string, preview?: boolean): string | undefined {
  const parts = [carriesSensitive ? marking : '', preview ? '样稿（未签发）' : ''].filter(Boolean);
  return parts.length ? parts.join('　') : undefined;
}

export function dailyDocument(d: DailyData, issue: DailyIssue, opts: IssueOptions = {}): DailyDocument {
  const office = d.settings.issuingOffice;
  const tz = d.settings.timeZone;
  const date = chineseDate(d.issuedAt, tz);
  const sections: [string, Block[]][] = [['突发事件情况', newIncidentBlocks(d)]];
  const ongoing = ongoingBlocks(d);
  if (ongoing.length) sections.push(['续报情况', ongoing]);
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

  const dist = d.distribution;
  const imprint = [
    ...(dist.bao ? [{ text: `报：${dist.bao}` }] : []),
    ...(dist.song ? [{ text: `送：${dist.song}` }] : []),
    ...(dist.fa ? [{ text: `发：${dist.fa}` }] : []),
    { text: office, right: `${date}印发` },
  ];
  const carries = d.sensitive.some((s) => s.included);
  // The shift that starts on D is "D's" duty: the title names the day, the first sentence the hours.
  const titleDate = d.period.mode === 'shift' ? chineseDate(d.period.from, tz) : d.period.label;
  const correction: Block[] = opts.corrects
    ? [{ t: 'para', text: `本期更正${opts.corrects.label}值班信息。更正原因：${opts.corrects.reason}` }]
    : [];
  return {
    title: `值班信息第${issue.seq}期${opts.corrects ? '（更正）' : ''}（${titleDate}）`,
    missingSections: missing,
    blocks: [
      {
        t: 'masthead',
        title: '值班信息',
        issue: `${issue.year}年第${issue.seq}期${opts.corrects ? '（更正）' : ''}`,
        office,
        date,
        marking: markingText(carries, d.settings.sensitiveMarking, opts.preview),
      },
      { t: 'blank', lines: 2 },
      { t: 'title', text: `${titleDate}值班情况` },
      ...correction,
      ...summaryBlocks(d),
      ...sections.flatMap(([h, b], i): Block[] => [
        { t: 'heading', level: 1, text: `${chineseNumber(i + 1)}、${h}` },
        ...b,
      ]),
      { t: 'imprint', lines: imprint },
    ],
  };
}
