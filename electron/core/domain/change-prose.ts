import { CASUALTY_FIELDS, type IncidentFacts } from '../contract/incidents';
import { CATEGORY_ZH, FIELD_LABELS_ZH, LEVEL_ZH } from '../contract/field-labels';
import { localParts } from './time';

/** 15时30分 (same day) — the clock time a 续报 counts "截至" from. */
function clock(instant: string, tz: string): string {
  const p = localParts(instant, tz);
  return `${p.hour}时${String(p.minute).padStart(2, '0')}分`;
}

function dateTime(instant: string, tz: string): string {
  const p = localParts(instant, tz);
  return `${p.month}月${p.day}日${clock(instant, tz)}`;
}

/** 死亡人数由2人增至3人 / 新增重伤2人 / 失踪人员已全部找到. */
function casualtyClause(label: string, from: number, to: number): string {
  if (from === 0) return `新增${label}${to}人`;
  return `${label}人数由${from}人${to > from ? '增至' : '减至'}${to}人`;
}

export function lossClause(loss: number | null): string {
  return loss == null ? '直接经济损失正在核实' : `直接经济损失初步估计${loss}万元`;
}

/**
 * The changed figures as one clause ("死亡人数由2人增至3人，失踪人数由3人减至1人；直接经济损失初步估计
 * 850万元"), '' when none changed: casualties, then loss, then the level.
 */
export function figuresChanged(before: IncidentFacts, after: IncidentFacts): string {
  const figures: string[] = [];
  const casualties = CASUALTY_FIELDS.filter((f) => before.casualties[f] !== after.casualties[f]).map((f) =>
    casualtyClause(FIELD_LABELS_ZH[`casualties.${f}`]!, before.casualties[f], after.casualties[f]),
  );
  if (casualties.length) figures.push(casualties.join('，'));
  if (before.economicLoss !== after.economicLoss) figures.push(lossClause(after.economicLoss));
  if (before.level !== after.level) figures.push(`事件等级由${LEVEL_ZH[before.level]}调整为${LEVEL_ZH[after.level]}`);
  return figures.join('；');
}

/**
 * What changed since the last report, written as an officer writes a 续报 ("截至15时30分，死亡人数由2人增至
 * 3人，失踪人数由3人减至1人；直接经济损失初步估计850万元。"), not as a field diff. Figures come first in
 * one sentence; a changed account (经过、措施、原因) follows on its own line, as it now reads. The officer
 * edits the text before sending; the field-by-field diff stays in the incident's history.
 */
export function changesProse(before: IncidentFacts, after: IncidentFacts, at: string, tz: string): string {
  const lines: string[] = [];
  const figures = figuresChanged(before, after);
  if (figures) lines.push(`截至${clock(at, tz)}，${figures}。`);

  const stated: [keyof IncidentFacts, (v: string) => string][] = [
    ['title', (v) => `事件名称更正为“${v}”。`],
    ['occurredAt', (v) => `事发时间核实为${dateTime(v, tz)}。`],
    ['place', (v) => `事发地点核实为${v}。`],
    ['involvedUnit', (v) => `事发单位核实为${v}。`],
    ['category', (v) => `事件类别调整为${CATEGORY_ZH[v as IncidentFacts['category']] ?? v}。`],
    ['subtype', (v) => `事件类型调整为${v}。`],
    ['summary', (v) => `事件经过：${v}`],
    ['cause', (v) => `初步原因：${v}`],
    ['measures', (v) => `处置措施：${v}`],
    ['leadersNotified', (v) => `已报告：${v}。`],
  ];
  for (const [field, say] of stated) {
    const a = before[field];
    const b = after[field];
    if (typeof b === 'string' && b && a !== b) lines.push(say(b));
  }
  return lines.join('\n');
}
