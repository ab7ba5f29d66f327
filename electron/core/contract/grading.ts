import type { Level } from './incidents';

export interface GradeReason {
  field: 'deaths' | 'seriouslyInjured' | 'economicLoss';
  value: number;
  level: Exclude<Level, 'unrated'>;
}

export interface GradeSuggestion {
  level: Exclude<Level, 'unrated'>;
  /** The figure(s) that reached the suggested level. */
  reasons: GradeReason[];
}
