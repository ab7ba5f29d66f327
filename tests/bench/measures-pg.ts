import { ManualClock } from '../../electron/core/db/clock';
import { migratePostgres } from '../../electron/core/db/pg/migrate';
import { postgresSql } from '../../electron/core/db/sql-postgres';
import { importIncidents } from '../../electron/core/incidents/import-file';
import { createService, type Service } from '../../electron/core/service';
import { APP_VERSION } from '../../electron/core/version';
import { TEST_WIRING } from '../core/helpers';
import { freshDatabase } from '../pg/databases';
import { interleave, median, p95, sum, type BenchEnv, type Result } from './measure';
import { BEFORE_SEEDED, incidentFacts, NOW, REPORT_DAY, seed, writeSeedFiles } from './seed';
import { DAILY_DOCX } from './measures-docs';

/**
 * Issue 15's performance row: the same measures on a shared PostgreSQL record, beside SQLite's. The seat
 * and the server share this machine (a LAN adds a round trip per statement). The record is seeded through
 * the same import as SQLite's (BENCH_PG_INCIDENTS, default the SQLite size) into a fresh database on the
 * server in DUTY_PG_URL; each figure goes into the `postgres` field of the SQLite row of the same measure.
 */
export async function postgresMeasures(env: BenchEnv, url: string): Promise<void> {
  const n = Number(process.env.BENCH_PG_INCIDENTS ?? env.size);
  const clock = new ManualClock(NOW);
  const sql = postgresSql({ url: await freshDatabaseOn(url), max: 4, applicationName: 'duty-room bench' });
  try {
    await migratePostgres(sql, { appVersion: APP_VERSION, now: () => clock.now().toISOString() });
    const service = await createService({ sql, clock, appVersion: APP_VERSION, dataFile: '', wiring: TEST_WIRING });
    let t = performance.now();
    await seed(service.ctx, writeSeedFiles(env.dir, n), env.log);
    env.log(`PostgreSQL: seeded ${n} incidents in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const put = (measure: string, value: number) => {
      const row = env.results.find((r) => r.measure === measure);
      if (row) row.postgres = value;
      else env.results.push(pgOnly(measure, env.size, value));
      env.log(`PostgreSQL ${measure}: ${value.toFixed(2)}`);
    };
    const at = BEFORE_SEEDED;
    const times: number[] = [];
    for (let r = 0; r < 200; r++) {
      t = performance.now();
      await must(service, 'incidents.create', incidentFacts(2_000_000 + r, at));
      times.push(performance.now() - t);
    }
    put('write: incidents.create, one per commit', times.length / (sum(times) / 1000));
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify(incidentFacts(3_000_000 + i, at)));
    t = performance.now();
    await importIncidents(service.ctx, lines);
    put('write: import-incidents, one transaction', lines.length / ((performance.now() - t) / 1000));

    const timed = async (measure: string, rounds: number, stat: (xs: number[]) => number, fn: () => unknown) => {
      try {
        put(measure, stat((await interleave(rounds, fn, null)).product));
      } catch (e) {
        env.log(`PostgreSQL ${measure}: failed (${e instanceof Error ? e.message : String(e)})`);
      }
    };
    const list = (input: object) => () => must(service, 'incidents.list', { limit: 50, ...input });
    await timed('log: first page (50), p95', 100, p95, list({}));
    await timed('log: level + district (total ≤ 10,000), p95', 100, p95, list({ level: 'III', district: '江北区' }));
    await timed('log: level + district (10,000+), p95', 100, p95, list({ level: 'I', district: '江北区' }));
    for (const [label, q] of [
      ['search: two-character word (火灾)', '火灾'],
      ['search: phrase (储罐泄漏)', '储罐泄漏'],
    ] as const) {
      const search = () => must(service, 'search.query', { q, limit: 30 });
      await timed(`${label}, median`, 50, median, search);
      await timed(`${label}, p95`, 50, p95, search);
    }
    await timed('log: filtered by text (内涝), p95', 20, p95, list({ q: '内涝' }));
    await timed('home: deadlines.summary (Now + nav counts), p95', 100, p95, () =>
      must(service, 'deadlines.summary', {}),
    );
    await timed(DAILY_DOCX, 5, median, () =>
      must(service, 'exports.dailyReport', { period: { day: REPORT_DAY }, format: 'docx', preview: true }),
    );
  } finally {
    await sql.close();
  }
}

/** A new database on the server in `url` (the bench never writes into an existing record). */
async function freshDatabaseOn(url: string): Promise<string> {
  process.env.DUTY_PG_URL = url;
  return freshDatabase('bench');
}

async function must(service: Service, method: string, input: unknown): Promise<unknown> {
  const r = await service.invokeRaw(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

function pgOnly(measure: string, size: number, value: number): Result {
  return {
    measure,
    size,
    product: Number.NaN,
    baseline: null,
    ratio: null,
    target: '—',
    met: true,
    unit: '',
    postgres: value,
  };
}
