import type { Category, GradeReason, GradeSuggestion, IncidentFacts, Level } from '../contract';

/** Order 493 art. 3 thresholds, highest level first: [I, II, III]; below III is IV. */
const THRESHOLDS: Record<GradeReason['field'], [number, number, number]> = {
  deaths: [30, 10, 3],
  seriouslyInjured: [100, 50, 10],
  economicLoss: [10_000, 5_000, 1_000], // 万元: 1 亿, 5000 万, 1000 万
};
const ORDER = ['I', 'II', 'III', 'IV'] as const;

function reasonFor(field: GradeReason['field'], value: number): GradeReason {
  const [i, ii, iii] = THRESHOLDS[field];
  if (value >= i) return { field, value, level: 'I', threshold: i };
  if (value >= ii) return { field, value, level: 'II', threshold: ii };
  if (value >= iii) return { field, value, level: 'III', threshold: iii };
  return { field, value, level: 'IV', threshold: 0 };
}

/** True when `a` is a stricter (higher) grade than `b`; 未定级 is below every grade. */
export function isHigherLevel(a: Level, b: Level): boolean {
  const rank = (l: Level) => (l === 'unrated' ? 99 : ORDER.indexOf(l));
  return rank(a) < rank(b);
}

/**
 * Suggests a level for a production-safety accident (生产安全事故报告和调查处理条例 art. 3): the highest
 * level reached by any figure wins. Missing persons count with deaths (统计口径 "死亡（含失踪）"): a
 * missing person is presumed dead until found. Other categories have no statutory table: null.
 */
export function suggestLevel(input: {
  category: Category;
  deaths: number;
  missing: number;
  seriouslyInjured: number;
  economicLoss: number | null;
}): GradeSuggestion | null {
  if (input.category !== 'accident') return null;
  const dead = reasonFor('deaths', input.deaths + input.missing);
  if (input.missing > 0) dead.parts = { deaths: input.deaths, missing: input.missing };
  const all = [
    dead,
    reasonFor('seriouslyInjured', input.seriouslyInjured),
    reasonFor('economicLoss', input.economicLoss ?? 0),
  ];
  const best = all.reduce((a, b) => (ORDER.indexOf(b.level) < ORDER.indexOf(a.level) ? b : a)).level;
  const reasons = all.filter((r) => r.level === best && (best !== 'IV' || r.value > 0));
  return { level: best, reasons };
}

export function suggestLevelFor(f: Pick<IncidentFacts, 'category' | 'casualties' | 'economicLoss'>) {
  return suggestLevel({
    category: f.category,
    deaths: f.casualties.deaths,
    missing: f.casualties.missing,
    seriouslyInjured: f.casualties.seriouslyInjured,
    economicLoss: f.economicLoss,
  });
}

/**
 * The grade a new incident starts at: the officer's choice; or, left 未定级, the suggested grade of a
 * 事故灾难 whose figures reach 较大 or above. Below 较大 (or without a statutory table) it stays 未定级 —
 * which runs on the 较大 clock anyway, so a guess of 一般 would only slacken the deadlines.
 */
export function initialLevel(f: Pick<IncidentFacts, 'level' | 'category' | 'casualties' | 'economicLoss'>): Level {
  if (f.level !== 'unrated') return f.level;
  const s = suggestLevelFor(f);
  return s && s.level !== 'IV' ? s.level : 'unrated';
}
