import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One row of the table and of bench/results.json. */
export interface Result {
  measure: string;
  size: number;
  /** The product's figure in `unit` (ms for times, rows/s for writes, MB for memory). */
  product: number;
  /** The raw better-sqlite3 figure for the same work on the same file, null where there is none. */
  baseline: number | null;
  /** product ÷ baseline. */
  ratio: number | null;
  target: string;
  met: boolean;
  unit: string;
  /** The same measure on a shared PostgreSQL record (issue 15), when the run had a server. */
  postgres?: number;
}

const now = () => performance.now();

/** Runs product and baseline alternately (order swapped each round), returning each one's times in ms. */
export async function interleave(
  rounds: number,
  product: (round: number) => unknown,
  baseline: ((round: number) => unknown) | null,
): Promise<{ product: number[]; baseline: number[] }> {
  const p: number[] = [];
  const b: number[] = [];
  const time = async (fn: (round: number) => unknown, round: number, into: number[]) => {
    const t = now();
    await fn(round);
    into.push(now() - t);
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0 || !baseline) {
      await time(product, r, p);
      if (baseline) await time(baseline, r, b);
    } else {
      await time(baseline, r, b);
      await time(product, r, p);
    }
  }
  return { product: p, baseline: b };
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
export const median = (xs: number[]) => quantile(xs, 0.5);
export const p95 = (xs: number[]) => quantile(xs, 0.95);
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Peak resident set size while `fn` runs, sampled every 20 ms (the work yields, so samples land). */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

const fmt = (x: number | null, unit: string) =>
  x === null ? '—' : unit === 'rows/s' ? Math.round(x).toLocaleString('en-US') : x < 10 ? x.toFixed(2) : x.toFixed(0);

/** The unit of a row saved before results.json carried it. */
const unitOf = (r: Result) =>
  r.unit ??
  (r.measure.startsWith('write:')
    ? 'rows/s'
    : /RSS/.test(r.measure)
      ? 'MB'
      : /initial JS/.test(r.measure)
        ? 'KB'
        : 'ms');

/** The table as Markdown (README) and for the console. */
export function table(results: Result[]): string {
  // The PostgreSQL column appears when the run measured a shared database too.
  const pg = results.some((r) => r.postgres !== undefined);
  const rows = [
    ['measure', 'product', 'baseline', 'ratio', 'target', 'met', ...(pg ? ['PostgreSQL'] : [])],
    ...results.map((r) => [
      r.measure,
      Number.isNaN(r.product) ? '—' : `${fmt(r.product, unitOf(r))} ${unitOf(r)}`,
      r.baseline === null ? '—' : `${fmt(r.baseline, unitOf(r))} ${unitOf(r)}`,
      r.ratio === null ? '—' : r.ratio.toFixed(2),
      r.target,
      r.met ? 'yes' : '**no**',
      ...(pg ? [r.postgres === undefined ? '—' : `${fmt(r.postgres, unitOf(r))} ${unitOf(r)}`] : []),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/**
 * Writes this run's rows into bench/results.json, keeping the rows of runs at other sizes (the file holds
 * the latest 100,000 and 1,000,000-incident runs side by side). A partial run (BENCH_ONLY) replaces only
 * the rows it measured, in their places.
 */
export function saveResults(file: string, results: Result[], partial = false): Result[] {
  mkdirSync(dirname(file), { recursive: true });
  const row = ({ measure, size, product, baseline, ratio, target, met, unit, postgres }: Result): Result => ({
    measure,
    size,
    product,
    baseline,
    ratio,
    target,
    met,
    unit,
    ...(postgres === undefined ? {} : { postgres }),
  });
  const key = (r: { size: number; measure: string }) => `${r.size}|${r.measure}`;
  const fresh = new Map(results.map((r) => [key(r), row(r)]));
  const sizes = new Set(results.map((r) => r.size));
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Result[]) : [];
  const kept = partial
    ? old.map((r) => {
        const now = fresh.get(key(r));
        fresh.delete(key(r));
        // A partial run without the PostgreSQL group leaves that column's figure as it was.
        return now
          ? { ...now, ...(now.postgres === undefined && r.postgres !== undefined ? { postgres: r.postgres } : {}) }
          : r;
      })
    : old.filter((r) => !sizes.has(r.size));
  const all = [...kept, ...fresh.values()].sort((a, b) => a.size - b.size);
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  return all;
}

export interface BenchEnv {
  db: import('better-sqlite3').Database;
  service: import('../../electron/core/service').Service;
  ctx: import('../../electron/core/context').CoreContext;
  clock: import('../../electron/core/db/clock').ManualClock;
  size: number;
  dir: string;
  file: string;
  root: string;
  log(msg: string): void;
  results: Result[];
}

/** Adds a timing row: `stat` of the product's and the baseline's times, met when `ok(product, ratio)`. */
export function record(
  env: BenchEnv,
  measure: string,
  times: { product: number[]; baseline: number[] },
  stat: (xs: number[]) => number,
  target: string,
  ok: (product: number, ratio: number | null) => boolean,
): void {
  const product = stat(times.product);
  const baseline = times.baseline.length ? stat(times.baseline) : null;
  const ratio = baseline ? product / baseline : null;
  env.results.push({ measure, size: env.size, product, baseline, ratio, target, met: ok(product, ratio), unit: 'ms' });
  env.log(`${measure}: ${product.toFixed(2)} ms (raw ${baseline?.toFixed(2) ?? '—'} ms)`);
}
