import { describe, expect, it } from 'vitest';
import { changedFields, flattenFacts, futureIssues } from '../../electron/core/domain';
import { chemicalFire } from './fixtures';

describe('the shared fact rules', () => {
  it('allows a clock a minute fast and refuses anything later, naming the field', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    expect(futureIssues('at', '2026-11-23T02:01:00Z', now)).toEqual([]);
    expect(futureIssues('at', '2026-11-23T02:01:00.001Z', now)).toEqual([{ path: 'at', code: 'in_future' }]);
  });

  it('flattens casualties into dotted fields and lists only the fields that changed', () => {
    const before = chemicalFire();
    const after = { ...before, place: '新地点', casualties: { ...before.casualties, deaths: 2 } };
    const flat = flattenFacts(after);
    expect(flat['casualties.deaths']).toBe(2);
    expect(flat).not.toHaveProperty('casualties');
    expect(changedFields(flattenFacts(before), flat)).toEqual(['place', 'casualties.deaths']);
  });
});
