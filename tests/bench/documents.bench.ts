import { afterAll, bench, describe } from 'vitest';
import { openTestCore } from '../core/helpers';
import { chemicalFire } from '../core/fixtures';

// A heavy day: 200 incidents received between 00:00 and 23:00 Beijing time on 2026-11-23.
const core = openTestCore({ start: '2026-11-23T16:00:00Z' });
for (let i = 0; i < 200; i++) {
  const at = new Date(Date.parse('2026-11-22T16:00:00Z') + i * 5 * 60_000).toISOString();
  await core.call(
    'incidents.create',
    chemicalFire({ title: `测试事件${i + 1}号`, occurredAt: at, receivedAt: at, economicLoss: i }),
  );
}
afterAll(() => core.db.close());

describe('daily report export, 200 incidents (target < 1 s)', () => {
  bench(
    'exports.dailyReport docx',
    async () => {
      const r = await core.service.invoke('exports.dailyReport', { period: { date: '2026-11-23' }, format: 'docx' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    },
    { iterations: 10, time: 0 },
  );
});
