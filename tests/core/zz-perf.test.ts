import { it } from 'vitest';
import { join } from 'node:path';
import { createContext } from '../../electron/core/context';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase, openReadOnly } from '../../electron/core/db/open';
import { createIncident } from '../../electron/core/incidents/incident-repo';
import { verifyChain } from '../../electron/core/audit/verify';
import { witnessFileOf } from '../../electron/core/audit/witness';
import { chemicalFire } from './fixtures';
import { existsSync } from 'node:fs';

const N = Number(process.env.PERF_N ?? 100000);
it('perf', () => {
  const dir = `/tmp/x/perf-${N}`;
  const file = join(dir, 'duty-room.sqlite');
  require('node:fs').mkdirSync(dir, { recursive: true });
  const clock = new ManualClock('2026-11-25T00:00:00Z');
  if (!existsSync(file)) {
    const db = openDatabase(file, { clock, appVersion: 'perf' });
    const ctx = createContext({ db, clock, appVersion: 'perf', dataFile: file, actor: () => 'p' });
    const t = Date.now();
    for (let b = 0; b < N; b += 5000)
      ctx.tx(() => {
        for (let i = b; i < Math.min(N, b + 5000); i++)
          createIncident(ctx, chemicalFire({ title: `火灾${i}`, summary: `摘要${i}`.repeat(20) }));
      });
    console.log('seeded', Date.now() - t);
    db.close();
  }
  let t = Date.now();
  const db2 = openDatabase(file, { clock, appVersion: 'perf' });
  console.log('open (incremental)', Date.now() - t);
  db2.close();
  const ro = openReadOnly(file);
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  t = Date.now();
  const v = verifyChain(ro, {
    witnesses: [witnessFileOf(file)],
    onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
  });
  console.log(
    'verify',
    Date.now() - t,
    'ms',
    v.ok,
    v.entries,
    'rss MB',
    Math.round(rss0 / 1e6),
    '→ peak',
    Math.round(peak / 1e6),
  );
  ro.close();
});
