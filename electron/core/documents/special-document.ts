import { AppError } from '../contract/errors';
import { CATEGORY_ZH, LEVEL_ZH, chineseNumber, reportName } from '../contract/field-labels';
import type { Report } from '../contract/reports';
import type { Settings } from '../contract/settings';
import { chineseDate } from '../domain';
import type { Block, DocumentModel } from './blocks';
import { markingText, type IssueOptions } from './daily-document';
import { casualtiesText, cnTime, happenedText, lossText } from './wording';

export interface SpecialIssue {
  year: number;
  seq: number;
}

/** 市值专〔2026〕5号 — 发文机关代字 from Settings, the year in 〔〕, the issue's number. */
export function docNumber(prefix: string, issue: SpecialIssue): string {
  return `${prefix}〔${issue.year}〕${issue.seq}号`;
}

/**
 * 专报 from a sent report's frozen snapshot: what went up is what prints, whatever changed since.
 * Sections follow order 493 art. 12; a 续报 leads with what changed (the officer's prose, line breaks
 * kept), a 终报 adds the aftermath. Responses are told as they happened up to the report's sending.
 */
export function specialDocument(
  r: Report,
  settings: Settings,
  issue: SpecialIssue,
  planHistory: string[],
  opts: IssueOptions = {},
): DocumentModel {
  if (r.status !== 'sent' || !r.sentAt) throw new AppError('export.report_not_sent', { id: r.id });
  const f = r.snapshot;
  const tz = settings.timeZone;
  const name = reportName(r.kind, r.seq);
  const sections: [string, string][] = [];
  if (r.kind === 'followup' || r.kind === 'supplementary') {
    sections.push(['最新进展', r.changes || '与上次报告相比无变化。']);
  }
  if (r.kind !== 'followup') {
    sections.push(
      ['事发单位概况', f.involvedUnit || '不涉及具体单位。'],
      [
        '事发时间、地点及现场情况',
        `${cnTime(f.occurredAt, tz, true)}，${happenedText(f)}。事件类别为${CATEGORY_ZH[f.category]}${
          f.subtype ? `（${f.subtype}）` : ''
        }，等级为${LEVEL_ZH[f.level]}。`,
      ],
      ['事件简要经过', `${f.summary}${f.cause ? `初步原因：${f.cause}` : ''}`],
    );
  }
  const plans = planHistory.map((h) => `${h}。`).join('');
  sections.push(
    ['伤亡人数和初步估计的直接经济损失', `${casualtiesText(f.casualties)}；${lossText(f)}。`],
    ['已经采取的措施', [f.measures, plans].filter(Boolean).join('\n') || '暂无。'],
  );
  if (r.kind === 'final') sections.push(['善后处置、恢复重建及评估', r.aftermath || '暂无。']);
  const other = [r.otherNotes, f.leadersNotified ? `已报告：${f.leadersNotified}。` : ''].filter(Boolean).join('');
  sections.push(['其他应当报告的情况', other || '无。']);

  const date = chineseDate(r.sentAt, tz);
  const verb = name.startsWith('续报') ? '续报' : name.startsWith('补报') ? '补报' : '报告';
  const lead =
    r.kind === 'initial'
      ? `${cnTime(f.receivedAt, tz)}，我室接${f.sourceUnit || f.sourcePerson || '有关方面'}报告，${happenedText(f)}。现将有关情况报告如下：`
      : `现将${f.title}有关情况${verb}如下：`;
  const correction: Block[] = opts.corrects
    ? [{ t: 'para', text: `本件更正${opts.corrects.label}专报。更正原因：${opts.corrects.reason}` }]
    : [];
  const title = `关于${f.title}的${name}${opts.corrects ? '（更正）' : ''}`;
  const blocks: Block[] = [
    {
      t: 'masthead',
      title: '突发事件信息专报',
      issue: `${issue.year}年第${issue.seq}期${opts.corrects ? '（更正）' : ''}`,
      office: settings.issuingOffice,
      date,
      docNumber: docNumber(settings.documentNumberPrefix, issue),
      signer: r.approvingLeader ?? '',
      marking: markingText(f.sensitive, settings.sensitiveMarking, opts.preview),
    },
    { t: 'blank', lines: 2 },
    { t: 'title', text: title },
    { t: 'para', text: `${r.recipientUnit}：`, flush: true },
    ...correction,
    { t: 'para', text: lead },
    ...sections.flatMap(([h, body], i): Block[] => [
      { t: 'heading', level: 1, text: `${chineseNumber(i + 1)}、${h}` },
      { t: 'para', text: body },
    ]),
    { t: 'para', text: '特此报告。' },
    { t: 'signature', office: settings.issuingOffice, date },
    {
      t: 'imprint',
      lines: [
        ...(settings.specialCc ? [{ text: `抄送：${settings.specialCc}` }] : []),
        { text: settings.issuingOffice, right: `${date}印发` },
      ],
    },
  ];
  return { title, blocks };
}
