import { describe, expect, it } from 'vitest';
import { rotationStartingToday } from '../../renderer/src/features/setup/rotation';

describe('first-run roster rotation', () => {
  it("turns the order so the chosen person holds today's slot", () => {
    const order = [11, 12, 13];
    for (const day of [1, 2, 3, 28, 31]) {
      for (const who of order) {
        const r = rotationStartingToday(order, who, day, 1);
        expect(r[(day - 1) % 3]).toBe(who);
        expect([...r].sort()).toEqual(order);
      }
    }
  });

  it('counts two slots a day with day and night shifts, and keeps the order when nobody is chosen', () => {
    expect(rotationStartingToday([1, 2, 3], 2, 2, 2)[2 % 3]).toBe(2);
    expect(rotationStartingToday([1, 2, 3], null, 5, 1)).toEqual([1, 2, 3]);
  });
});
