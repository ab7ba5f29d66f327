import type { Category, GradeReason, GradeSuggestion } from '../contract';

/** Order 493 art. 3 thresholds, highest level first: [I, II, III]; below III is IV. */
const THRESHOLDS: Record<GradeReason['field'], [number, number, number]> = {
  deaths: [30, 10, 3],
  seriouslyInjured: [100, 50, 10],
  economicLoss: [10_000, 5_000, 1_000], // 万元: 1 亿, 5000 万, 1000 万
};
const ORDER = ['I', 'II', 'III', 'IV'] as const;

function levelFor(field: GradeReason['field'], value: number): GradeReason['level'] {
  const [i, ii, iii] = THRESHOLDS[field];
  if (value >= i) return 'I';
  if (value >= ii) return 'II';
  if (value >= iii) return 'III';
  return 'IV';
}

/**
 * Suggests a level for a production-safety accident (生产安全事故报告和调查处理条例 art. 3): the highest
 * level reached by any figure wins. Other categories have no statutory table: null.
 */
export function suggestLevel(input: {
  category: Category;
  deaths: number;
  seriouslyInjured: number;
  economicLoss: number | null;
}): GradeSuggestion | null {
  if (input.category !== 'accident') return null;
  const figures: [GradeReason['field'], number][] = [
    ['deaths', input.deaths],
    ['seriouslyInjured', input.seriouslyInjured],
    ['economicLoss', input.economicLoss ?? 0],
  ];
  const all = figures.map(([field, value]) => ({ field, value, level: levelFor(field, value) }));
  const best = all.reduce((a, b) => (ORDER.indexOf(b.level) < ORDER.indexOf(a.level) ? b : a)).level;
  const reasons = all.filter((r) => r.level === best && (best !== 'IV' || r.value > 0));
  return { level: best, reasons };
}
