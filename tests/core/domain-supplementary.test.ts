import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type IncidentFacts } from '../../electron/core/contract';
import {
  fromLocalDateTime,
  isShortWindowAccident,
  supplementaryRequired,
  supplementaryWindowDays,
  supplementaryWindowEnd,
} from '../../electron/core/domain';
import { chemicalFire } from './fixtures';

const tz = 'Asia/Shanghai';
const list = DEFAULT_SETTINGS.shortWindowSubtypes;
const local = (text: string) => fromLocalDateTime(text, tz)!;

/** An accident that happened at 13:50 local on 28 Nov 2026 (day 0). */
const facts = (over: Partial<IncidentFacts> = {}): IncidentFacts =>
  ({
    ...chemicalFire(),
    occurredAt: local('2026-11-28 13:50'),
    receivedAt: local('2026-11-28 14:05'),
    ...over,
  }) as IncidentFacts;
const moreDead = (f: IncidentFacts): IncidentFacts => ({
  ...f,
  casualties: { ...f.casualties, deaths: f.casualties.deaths + 1 },
});

/** Whether a casualty change at `when` (local) needs a 补报, with the 终报 sent at `finalAt` (local). */
const required = (f: IncidentFacts, finalAt: string, when: string, after = moreDead(f)) =>
  supplementaryRequired({
    before: f,
    after,
    finalSentAt: local(finalAt),
    at: local(when),
    timeZone: tz,
    shortSubtypes: list,
  });

describe('补报 window (order 493 art. 13)', () => {
  it('ends at 24:00 of the 7th / 30th day after the day of occurrence, counting from the next day', () => {
    expect(supplementaryWindowEnd(local('2026-11-28 13:50'), 7, tz)).toBe(local('2026-12-06 00:00'));
    expect(supplementaryWindowEnd(local('2026-11-28 13:50'), 30, tz)).toBe(local('2026-12-29 00:00'));
    // An accident at 23:59 local still counts its days from the next local day (UTC is the day before).
    expect(supplementaryWindowEnd(local('2026-11-28 23:59'), 7, tz)).toBe(local('2026-12-06 00:00'));
    expect(supplementaryWindowEnd(local('2026-11-28 00:00'), 7, tz)).toBe(local('2026-12-06 00:00'));
  });

  it('recognises road-traffic and fire accidents by the sub-type list in Settings, not exact text', () => {
    const accident = (subtype: string) => isShortWindowAccident({ category: 'accident', subtype }, list);
    expect(
      ['火灾', '火灾事故', '建筑火灾', '仓库火灾', '道路交通', '道路交通 事故', '道路交通事故'].map(accident),
    ).toEqual(Array(7).fill(true));
    expect(['矿山', '危化品', '', '交通'].map(accident)).toEqual([false, false, false, false]);
    expect(isShortWindowAccident({ category: 'accident', subtype: '水上交通' }, [...list, '水上交通'])).toBe(true);
    // A forest fire is a natural disaster: outside order 493 altogether.
    expect(supplementaryWindowDays({ category: 'natural', subtype: '森林火灾' }, list)).toBeNull();
    expect(supplementaryWindowDays({ category: 'accident', subtype: '矿山' }, list)).toBe(30);
  });

  it('fire, 终报 sent early on day 2 or day 5: a change on day 6 needs a 补报, on day 8 none', () => {
    const fire = facts({ subtype: '火灾' });
    for (const finalDay of ['2026-11-30 10:00', '2026-12-03 10:00']) {
      expect(required(fire, finalDay, '2026-12-04 09:00')).toBe(true); // day 6
      expect(required(fire, finalDay, '2026-12-05 23:59')).toBe(true); // day 7, last minute
      expect(required(fire, finalDay, '2026-12-06 00:00')).toBe(false); // day 8 begins
      expect(required(fire, finalDay, '2026-12-06 09:00')).toBe(false); // day 8
    }
  });

  it('mine, 终报 sent on day 2: a change on day 29 needs a 补报, on day 31 none', () => {
    const mine = facts({ subtype: '矿山' });
    expect(required(mine, '2026-11-30 10:00', '2026-12-27 09:00')).toBe(true); // day 29
    expect(required(mine, '2026-11-30 10:00', '2026-12-28 23:59')).toBe(true); // day 30
    expect(required(mine, '2026-11-30 10:00', '2026-12-29 09:00')).toBe(false); // day 31
  });

  it('counts deaths, missing, seriously injured and injured — not trapped, evacuated or the loss', () => {
    const mine = facts({ subtype: '矿山' });
    const change = (over: Partial<IncidentFacts['casualties']>, loss = mine.economicLoss) =>
      required(mine, '2026-11-30 10:00', '2026-12-01 09:00', {
        ...mine,
        economicLoss: loss,
        casualties: { ...mine.casualties, ...over },
      });
    expect(change({ missing: 0 })).toBe(true);
    expect(change({ seriouslyInjured: 9 })).toBe(true);
    expect(change({ injured: 9 })).toBe(true);
    expect(change({ trapped: 4 })).toBe(false);
    expect(change({ evacuated: 500 })).toBe(false);
    expect(change({}, 2500)).toBe(false);
  });

  it('needs a 终报 first, and nothing for a natural disaster', () => {
    const mine = facts({ subtype: '矿山' });
    expect(
      supplementaryRequired({
        before: mine,
        after: moreDead(mine),
        finalSentAt: null,
        at: local('2026-12-01 09:00'),
        timeZone: tz,
        shortSubtypes: list,
      }),
    ).toBe(false);
    const forest = facts({ category: 'natural', subtype: '森林火灾' });
    expect(required(forest, '2026-11-29 10:00', '2026-11-30 09:00')).toBe(false);
  });
});
