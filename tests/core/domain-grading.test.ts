import { describe, expect, it } from 'vitest';
import { clockFor, initialLevel, suggestLevel } from '../../electron/core/domain';

const accident = (deaths: number, seriouslyInjured = 0, economicLoss: number | null = null, missing = 0) =>
  suggestLevel({ category: 'accident', deaths, missing, seriouslyInjured, economicLoss });

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

  it('takes the highest level reached by any figure and names it with the threshold', () => {
    const s = accident(4, 60, 200);
    expect(s).toEqual({
      level: 'II',
      reasons: [{ field: 'seriouslyInjured', value: 60, level: 'II', threshold: 50 }],
    });
    expect(accident(4, 0, 0)?.reasons).toEqual([{ field: 'deaths', value: 4, level: 'III', threshold: 3 }]);
  });

  it('counts missing persons with deaths (死亡（含失踪）) at every threshold', () => {
    expect(accident(9, 0, null, 1)).toEqual({
      level: 'II',
      reasons: [{ field: 'deaths', value: 10, level: 'II', threshold: 10, parts: { deaths: 9, missing: 1 } }],
    });
    expect(accident(9, 0, null, 0)?.level).toBe('III');
    expect(accident(0, 0, null, 30)?.level).toBe('I');
    expect(accident(0, 0, null, 29)?.level).toBe('II');
    expect(accident(2, 0, null, 1)?.level).toBe('III');
    expect(accident(2, 0, null, 0)?.level).toBe('IV');
    // The Binhai West Road fire: 2 dead + 3 missing = 5 → 较大, whatever the 5 seriously injured say.
    expect(accident(2, 5, null, 3)?.reasons).toEqual([
      { field: 'deaths', value: 5, level: 'III', threshold: 3, parts: { deaths: 2, missing: 3 } },
    ]);
  });

  it('has no statutory table for other categories', () => {
    expect(
      suggestLevel({ category: 'natural', deaths: 50, missing: 0, seriouslyInjured: 0, economicLoss: 0 }),
    ).toBeNull();
  });
});

describe('the grade a new incident starts at', () => {
  const facts = (level: 'unrated' | 'IV' | 'I', deaths: number, category: 'accident' | 'natural' = 'accident') => ({
    level,
    category,
    casualties: { deaths, missing: 0, seriouslyInjured: 0, injured: 0, trapped: 0, evacuated: 0 },
    economicLoss: null,
  });

  it('applies a suggestion of 较大 or above when the officer has not chosen', () => {
    expect(initialLevel(facts('unrated', 3))).toBe('III');
    expect(initialLevel(facts('unrated', 12))).toBe('II');
  });

  it("keeps the officer's choice, and stays 未定级 below 较大 or without a statutory table", () => {
    expect(initialLevel(facts('IV', 12))).toBe('IV');
    expect(initialLevel(facts('I', 0))).toBe('I');
    expect(initialLevel(facts('unrated', 2))).toBe('unrated');
    expect(initialLevel(facts('unrated', 40, 'natural'))).toBe('unrated');
  });
});

describe('which clock applies', () => {
  it('runs 未定级 on the 较大 row, sensitive ones on 重大, others on their own row', () => {
    expect(clockFor('unrated', false)).toEqual({ rule: 'III', why: 'unrated' });
    expect(clockFor('IV', false)).toEqual({ rule: 'IV', why: 'level' });
    expect(clockFor('IV', true)).toEqual({ rule: 'II', why: 'sensitive' });
    expect(clockFor('unrated', true)).toEqual({ rule: 'II', why: 'sensitive' });
    expect(clockFor('I', true)).toEqual({ rule: 'I', why: 'level' });
  });
});
