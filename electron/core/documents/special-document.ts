import { AppError } from '../contract/errors';
import { CATEGORY_ZH, LEVEL_ZH, chineseNumber, reportName } from '../contract/field-labels';
import type { Report } from '../contract/reports';
import type { Settings } from '../contract/settings';
import { chineseDate } from '../domain';
import type { Block, DocumentModel } from './blocks';
import { casualtiesText, channelZh, cnTime, lossText, GAP } from './wording';

/**
 * 专报 from a sent report's frozen snapshot: what went up is what prints, whatever changed since.
 * Sections follow order 493 art. 12; a 续报 leads with what changed, a 终报 adds the aftermath.
 */
export function specialDocument(r: Report, settings: Settings): DocumentModel {
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
        `${cnTime(f.occurredAt, tz, true)}，${f.place}${f.district ? `（${f.district}）` : ''}发生${f.title}。事件类别为${CATEGORY_ZH[f.category]}${f.subtype ? `（${f.subtype}）` : ''}，等级为${LEVEL_ZH[f.level]}。`,
      ],
      ['事件简要经过', `${f.summary}${f.cause ? `原因：${f.cause}` : ''}`],
    );
  }
  sections.push(
    ['伤亡人数和初步估计的直接经济损失', `${casualtiesText(f.casualties)}；${lossText(f)}。`],
    ['已经采取的措施', f.measures || '暂无。'],
  );
  if (r.kind === 'final') sections.push(['善后处置、恢复重建及评估', r.aftermath || '暂无。']);
  const other = [r.otherNotes, f.leadersNotified ? `已报告：${f.leadersNotified}。` : ''].filter(Boolean).join('');
  sections.push(['其他应当报告的情况', other || '无。']);

  const date = chineseDate(r.sentAt, tz);
  const lead =
    r.kind === 'initial'
      ? `${cnTime(f.receivedAt, tz)}，我室接${f.sourceUnit || f.sourcePerson || '有关方面'}报告，${f.place}发生${f.title}。现将有关情况报告如下：`
      : `现将${f.title}有关情况${name.startsWith('续报') ? '续报' : name.startsWith('补报') ? '补报' : '报告'}如下：`;
  const blocks: Block[] = [
    {
      t: 'masthead',
      title: '突发事件信息专报',
      office: settings.issuingOffice,
      date,
      signer: `签发人：${r.approvingLeader ?? ''}`,
    },
    { t: 'title', text: `关于${f.title}的${name}` },
    { t: 'para', text: `${r.recipientUnit}：`, flush: true },
    { t: 'para', text: lead },
    ...sections.flatMap(([h, body], i): Block[] => [
      { t: 'heading', level: 1, text: `${chineseNumber(i + 1)}、${h}` },
      { t: 'para', text: body },
    ]),
    { t: 'para', text: '特此报告。' },
    { t: 'para', text: '' },
    { t: 'para', text: settings.issuingOffice, align: 'right' },
    { t: 'para', text: date, align: 'right' },
    {
      t: 'imprint',
      lines: [
        `签发：${r.approvingLeader ?? ''}${GAP}报送人：${r.sender ?? ''}${GAP}报送方式：${channelZh(r)}`,
        `报送时间：${cnTime(r.sentAt, tz, true)}`,
        `${settings.issuingOffice}${GAP}${date}印发`,
      ],
    },
  ];
  return { title: `关于${f.title}的${name}`, blocks };
}
