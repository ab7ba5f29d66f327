import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import { createService } from '../../electron/core/service';
import { TEST_WIRING } from '../core/helpers';
import { APP_VERSION } from '../../electron/core/version';
import { NOW, OPEN_RECENT, REPORT_DAY, seed, writeSeedFiles } from './seed';
import { table, saveResults, type Result } from './measure';
import { benchWants, readMeasures, writeMeasures } from './measures-rw';
import { documentMeasures, hostMeasures, verifyMeasure } from './measures-docs';
import { sqliteSql } from '../../electron/core/db/sql-sqlite';
import { postgresMeasures } from './measures-pg';

/**
 * `npm run bench`: seeds BENCH_INCIDENTS (default 100,000) incidents deterministically through the
 * product's write paths into a fresh file, then runs each measure on the product and on a raw
 * better-sqlite3 baseline over the same file, interleaved, and prints one table. Results go to
 * bench/results.json. BENCH_DIR keeps the database (and reuses it on the next run if it exists).
 */
const N = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const root = resolve(import.meta.dirname, '../..');
const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'duty-room-bench-'));
mkdirSync(dir, { recursive: true });
const file = join(dir, 'duty-room.sqlite');
const clock = new ManualClock(NOW);
const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

afterAll(() => {
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
});

it(`benchmark at ${N.toLocaleString('en-US')} incidents`, async () => {
  const db = openDatabase(file, { clock, appVersion: APP_VERSION });
  // The app's own version, so a web host started on this file finds the derived tables current.
  const service = await createService({
    sql: sqliteSql(db),
    clock,
    appVersion: APP_VERSION,
    dataFile: file,
    // The built worker threads, as a host has them beside its bundle (npm run bench builds first): the
    // import prepares its lines, and verify checks its pieces, on them.
    wiring: { ...TEST_WIRING, workers: join(root, 'out/main') },
  });
  const ctx = (await service).ctx;
  const have = db.prepare('SELECT count(*) FROM incidents').pluck().get() as number;
  if (have === 0) {
    const t = performance.now();
    await seed(ctx, writeSeedFiles(dir, N), log);
    log(`seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    db.pragma('optimize');
  } else log(`reusing ${have} incidents in ${file}`);
  const open = db.prepare("SELECT count(*) FROM incidents WHERE status = 'open'").pluck().get() as number;
  log(`${open} open incidents (${OPEN_RECENT} recent), report day ${REPORT_DAY}`);

  const results: Result[] = [];
  const env = { db, service, ctx, clock, size: N, dir, file, root, log, results };
  if (benchWants('write')) await writeMeasures(env);
  if (benchWants('read')) await readMeasures(env);
  if (benchWants('docs')) await documentMeasures(env);
  db.close();
  if (benchWants('host')) await hostMeasures(env);
  if (benchWants('verify')) await verifyMeasure(env);
  const pgUrl = process.env.DUTY_PG_URL;
  // BENCH_PG_INCIDENTS=0 leaves the PostgreSQL rows out (the 1M run: seeding a server with 1M takes hours).
  if (benchWants('pg') && pgUrl && process.env.BENCH_PG_INCIDENTS !== '0') await postgresMeasures(env, pgUrl);

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`\n${N.toLocaleString('en-US')} incidents · ${machine}\n\n${table(results)}\n`);
  // A partial run (BENCH_ONLY) replaces only the rows it measured, at this size, and prints the whole
  // table at this size as it now stands.
  const saved = saveResults(join(root, 'bench/results.json'), results, !!process.env.BENCH_ONLY);
  if (process.env.BENCH_ONLY)
    console.log(`\nresults.json at this size:\n\n${table(saved.filter((r) => r.size === N))}\n`);
  expect(results.length > 0 || process.env.BENCH_ONLY === 'seed').toBe(true);
});
