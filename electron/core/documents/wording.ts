import { CASUALTY_FIELDS, type Casualties, type IncidentFacts } from '../contract/incidents';
import { FIELD_LABELS_ZH, reportName } from '../contract/field-labels';
import { localParts, lossClause } from '../domain';
import type { Report } from '../contract/reports';

/** 11月23日9时05分 — how times are written in the body of an official document. */
export function cnTime(instant: string, tz: string, withYear = false): string {
  const p = localParts(instant, tz);
  return `${withYear ? `${p.year}年` : ''}${p.month}月${p.day}日${p.hour}时${String(p.minute).padStart(2, '0')}分`;
}

/** 9时05分 when `instant` falls on the same local day as `ref`, else the full 11月24日9时05分. */
export function cnTimeAfter(instant: string, ref: string, tz: string): string {
  const a = localParts(instant, tz);
  const b = localParts(ref, tz);
  return a.year === b.year && a.month === b.month && a.day === b.day
    ? `${a.hour}时${String(a.minute).padStart(2, '0')}分`
    : cnTime(instant, tz);
}

/** 死亡3人、失踪1人、重伤2人、受伤5人…; "无人员伤亡" when every figure is zero. */
export function casualtiesText(c: Casualties): string {
  const parts = CASUALTY_FIELDS.filter((f) => c[f] > 0).map((f) => `${FIELD_LABELS_ZH[`casualties.${f}`]}${c[f]}人`);
  return parts.length ? parts.join('、') : '无人员伤亡';
}

/** Loss in a report body: 初步估计 (order 493 asks for an initial estimate) or 正在核实. */
export function lossText(f: IncidentFacts): string {
  return lossClause(f.economicLoss);
}

/**
 * Where it happened, said once: 大江化工园区纬三路18号（江北区） — the district is left out when the
 * place already names it.
 */
export function placeText(f: Pick<IncidentFacts, 'place' | 'district'>): string {
  return f.district && !f.place.includes(f.district) ? `${f.place}（${f.district}）` : f.place;
}

/**
 * "X发生Y" without naming the place twice: a title that starts with the place's own words (大江化工园区
 * 某化工厂火灾 at 大江化工园区纬三路18号) keeps only the part after them (某化工厂火灾).
 */
export function happenedText(f: Pick<IncidentFacts, 'place' | 'district' | 'title'>): string {
  let shared = 0;
  while (shared < f.title.length && f.title[shared] === f.place[shared]) shared++;
  const rest = f.title.slice(shared);
  const what = shared >= 2 && rest.length >= 2 ? rest : f.title;
  return `${placeText(f)}发生${what}`;
}

const CHANNEL_ZH: Record<NonNullable<Report['channel']>, string> = {
  phone: '电话',
  fax: '传真',
  edoc: '电子公文',
  sms: '短信',
};

export function channelZh(r: Pick<Report, 'channel'>): string {
  return r.channel ? CHANNEL_ZH[r.channel] : '';
}

/** 续报一以电子公文报省应急管理厅 */
export function reportSentText(r: Report): string {
  return `${reportName(r.kind, r.seq)}以${channelZh(r)}报${r.recipientUnit}`;
}

/** 初报已于11月23日9时25分以电子公文报省应急管理厅；续报一… */
export function reportStatusText(
  reports: Pick<Report, 'status' | 'sentAt' | 'kind' | 'seq' | 'channel' | 'recipientUnit'>[],
  tz: string,
): string {
  const sent = reports.filter((r) => r.status === 'sent' && r.sentAt);
  if (!sent.length) return '尚未报送';
  return sent
    .map((r) => `${reportName(r.kind, r.seq)}已于${cnTime(r.sentAt!, tz)}以${channelZh(r)}报${r.recipientUnit}`)
    .join('；');
}

/** A file name safe on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** Two ideographic spaces: the gap between items on one line of a 版记. */
export const GAP = '\u3000\u3000';
