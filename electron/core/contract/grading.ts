import type { Level } from './incidents';

export interface GradeReason {
  /** `deaths` counts deaths and missing together (统计口径 "死亡（含失踪）"). */
  field: 'deaths' | 'seriouslyInjured' | 'economicLoss';
  value: number;
  level: Exclude<Level, 'unrated'>;
  /** The statutory threshold the value reached (0 for 一般: below every threshold). */
  threshold: number;
  /** For `deaths`: the two figures that were added up. */
  parts?: { deaths: number; missing: number };
}

export interface GradeSuggestion {
  level: Exclude<Level, 'unrated'>;
  /** The figure(s) that reached the suggested level. */
  reasons: GradeReason[];
}

/**
 * Which row of the deadline table an incident runs on, and why: its own grade, the 较大 row while it is
 * 未定级 (never the laxer 一般 row), or the strictest of its grade and 重大 when it is sensitive.
 */
export interface ClockChoice {
  rule: Exclude<Level, 'unrated'>;
  why: 'level' | 'unrated' | 'sensitive';
}
