import { describe, expect, it } from 'vitest';
import { suggestLevel } from '../../electron/core/domain';

const accident = (deaths: number, seriouslyInjured = 0, economicLoss: number | null = null) =>
  suggestLevel({ category: 'accident', deaths, seriouslyInjured, economicLoss });

describe('grade suggestion (order 493 art. 3)', () => {
  it('grades by deaths at each boundary', () => {
    expect([2, 3, 9, 10, 29, 30].map((d) => accident(d)?.level)).toEqual(['IV', 'III', 'III', 'II', 'II', 'I']);
  });

  it('grades by seriously injured and by direct loss (万元)', () => {
    expect([9, 10, 49, 50, 99, 100].map((n) => accident(0, n)?.level)).toEqual(['IV', 'III', 'III', 'II', 'II', 'I']);
    expect([999, 1000, 4999, 5000, 9999, 10000].map((l) => accident(0, 0, l)?.level)).toEqual([
      'IV',
      'III',
      'III',
      'II',
      'II',
      'I',
    ]);
  });

  it('takes the highest level reached by any figure and names it', () => {
    const s = accident(4, 60, 200);
    expect(s).toEqual({ level: 'II', reasons: [{ field: 'seriouslyInjured', value: 60, level: 'II' }] });
    expect(accident(4, 0, 0)?.reasons).toEqual([{ field: 'deaths', value: 4, level: 'III' }]);
  });

  it('has no statutory table for other categories', () => {
    expect(suggestLevel({ category: 'natural', deaths: 50, seriouslyInjured: 0, economicLoss: 0 })).toBeNull();
  });
});
