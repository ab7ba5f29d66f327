import type { Category, Level } from './incidents';

/**
 * Chinese names used inside official documents and report text (which are Chinese whatever the UI
 * language). UI labels live in the locale files.
 */
export const FIELD_LABELS_ZH: Record<string, string> = {
  title: '事件名称',
  occurredAt: '发生时间',
  receivedAt: '接报时间',
  sourceUnit: '报告单位',
  sourcePerson: '报告人',
  sourcePhone: '报告电话',
  involvedUnit: '事发单位',
  place: '事发地点',
  district: '所属区县',
  category: '事件类别',
  subtype: '事件类型',
  level: '事件等级',
  sensitive: '敏感信息',
  'casualties.deaths': '死亡',
  'casualties.missing': '失踪',
  'casualties.seriouslyInjured': '重伤',
  'casualties.injured': '受伤',
  'casualties.trapped': '被困',
  'casualties.evacuated': '转移',
  economicLoss: '直接经济损失（万元）',
  lossVerifying: '直接经济损失正在核实',
  summary: '简要经过',
  cause: '原因',
  measures: '已采取的措施',
  leadersNotified: '已报告领导',
};

export const CATEGORY_ZH: Record<Category, string> = {
  natural: '自然灾害',
  accident: '事故灾难',
  public_health: '公共卫生事件',
  social_security: '社会安全事件',
};

export const LEVEL_ZH: Record<Level, string> = {
  I: '特别重大（Ⅰ级）',
  II: '重大（Ⅱ级）',
  III: '较大（Ⅲ级）',
  IV: '一般（Ⅳ级）',
  unrated: '未定级',
};

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 23 → 二十三 (follow-up report numbers). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n] ?? String(n);
  if (n < 20) return '十' + NUMERALS[n - 10];
  if (n < 100) return NUMERALS[Math.floor(n / 10)] + '十' + (n % 10 ? NUMERALS[n % 10] : '');
  return String(n);
}

/** 电话报告 / 初报 / 续报一 / 终报 / 补报二 */
export function reportName(kind: 'phone' | 'initial' | 'followup' | 'final' | 'supplementary', seq: number): string {
  if (kind === 'phone') return '电话报告';
  if (kind === 'initial') return '初报';
  if (kind === 'final') return '终报';
  return (kind === 'followup' ? '续报' : '补报') + chineseNumber(seq);
}
