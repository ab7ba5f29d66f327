import { CASUALTY_FIELDS, type Casualties, type IncidentFacts } from '../contract/incidents';
import { FIELD_LABELS_ZH, reportName } from '../contract/field-labels';
import { localParts } from '../domain';
import type { Report } from '../contract/reports';

/** 11月23日9时05分 — how times are written in the body of an official document. */
export function cnTime(instant: string, tz: string, withYear = false): string {
  const p = localParts(instant, tz);
  return `${withYear ? `${p.year}年` : ''}${p.month}月${p.day}日${p.hour}时${String(p.minute).padStart(2, '0')}分`;
}

/** 死亡3人、失踪1人…; "无人员伤亡" when every figure is zero. */
export function casualtiesText(c: Casualties): string {
  const parts = CASUALTY_FIELDS.filter((f) => c[f] > 0).map((f) => `${FIELD_LABELS_ZH[`casualties.${f}`]}${c[f]}人`);
  return parts.length ? parts.join('、') : '无人员伤亡';
}

export function lossText(f: IncidentFacts): string {
  return f.economicLoss == null ? '直接经济损失正在统计中' : `直接经济损失约${f.economicLoss}万元`;
}

const CHANNEL_ZH: Record<NonNullable<Report['channel']>, string> = {
  phone: '电话',
  fax: '传真',
  edoc: '电子公文',
  sms: '短信',
};

/** 初报已于11月23日9时25分以电子公文报省应急管理厅；续报一… */
export function reportStatusText(
  reports: Pick<Report, 'status' | 'sentAt' | 'kind' | 'seq' | 'channel' | 'recipientUnit'>[],
  tz: string,
): string {
  const sent = reports.filter((r) => r.status === 'sent' && r.sentAt);
  if (!sent.length) return '尚未报送';
  return sent
    .map(
      (r) =>
        `${reportName(r.kind, r.seq)}已于${cnTime(r.sentAt!, tz)}以${r.channel ? CHANNEL_ZH[r.channel] : ''}报${r.recipientUnit}`,
    )
    .join('；');
}

export function channelZh(r: Pick<Report, 'channel'>): string {
  return r.channel ? CHANNEL_ZH[r.channel] : '';
}

/** A file name safe on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** Two ideographic spaces: the gap between items on one line of a 版记. */
export const GAP = '\u3000\u3000';
