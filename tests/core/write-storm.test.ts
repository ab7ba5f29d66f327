/**
 * The 3-seat write storm (issue 15): three processes, each a seat opening the same PostgreSQL database
 * through openCore(--url), write their incidents at the same moment. Afterwards every acknowledged
 * write is there exactly once, nothing else is, and the one audit chain is whole: verify on the server
 * (audit.verify), and independently here — ids 1..n without a gap, each entry linked to the one before.
 * 1,000 writes per seat by default; STORM_WRITES=10000 for the longer run.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_PREV, type AuditRow } from '../../electron/core/audit/chain';
import { openCore } from '../../electron/core/open-core';
import { freshDatabase, pgUrl } from '../pg/databases';
import { bundleChild } from './child-bundle';
import { tempDir } from './helpers';

const WRITES = Number(process.env.STORM_WRITES ?? 1000);
const SEATS = 3;

interface SeatResult {
  seat: string;
  ids: number[];
  errors: string[];
}

/** Starts a seat; resolves once it is connected, with a function that starts its writes and awaits its result. */
async function startSeat(script: string, url: string, seat: number): Promise<() => Promise<SeatResult>> {
  const child = spawn(process.execPath, [script, tempDir(), url, String(WRITES), String(seat)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const first = await lines.next();
  if (first.value !== 'ready') throw new Error(`seat ${seat} did not start: ${stderr}`);
  return async () => {
    child.stdin.end('go\n');
    const last = await lines.next();
    const code = await exited;
    if (code !== 0 || last.done) throw new Error(`seat ${seat} exited ${code}: ${stderr}`);
    return JSON.parse(last.value as string) as SeatResult;
  };
}

describe.skipIf(!pgUrl())('three seats writing at once', () => {
  it(
    `${SEATS} processes × ${WRITES} incidents.create on one PostgreSQL database: 0 lost, one valid chain`,
    async () => {
      const url = await freshDatabase('storm');
      // The schema is created first, by the owner, as an administrator does before seats connect.
      await (await openCore(tempDir(), { url })).close();
      const script = await bundleChild(join(__dirname, 'children/storm-seat.ts'));
      const seats = await Promise.all([1, 2, 3].map((n) => startSeat(script, url, n)));
      const t0 = Date.now();
      const results = await Promise.all(seats.map((go) => go()));
      const seconds = (Date.now() - t0) / 1000;

      expect(results.flatMap((r) => r.errors)).toEqual([]);
      const acknowledged = results.flatMap((r) => r.ids);
      expect(acknowledged).toHaveLength(SEATS * WRITES);
      expect(new Set(acknowledged).size).toBe(SEATS * WRITES);

      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        // Every acknowledged incident is stored with its seat's title; none that was not acknowledged.
        const rows = (await c.query<{ id: string; title: string }>('SELECT id, title FROM incidents ORDER BY id')).rows;
        expect(rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
        for (const n of [1, 2, 3]) expect(rows.filter((r) => r.title.startsWith(`席位${n}-`))).toHaveLength(WRITES);

        // The chain recomputed here, entry by entry, independently of verify.
        const chain = (await c.query<AuditRow & { id: string }>('SELECT * FROM audit_log ORDER BY id')).rows;
        let prev = GENESIS_PREV;
        chain.forEach((row, i) => {
          expect(Number(row.id)).toBe(i + 1);
          expect(row.prev_hash).toBe(prev);
          expect(entryHash(prev, { ...row, id: Number(row.id) })).toBe(row.hash);
          prev = row.hash;
        });
        const created = chain.filter((r) => r.kind === 'incident.created');
        expect(created).toHaveLength(SEATS * WRITES);
      } finally {
        await c.end();
      }

      const core = await openCore(tempDir(), { url });
      try {
        const v = await core.service.invoke('audit.verify', {});
        if (!v.ok) throw new Error(v.error.code);
        expect(v.value.firstProblem).toBeNull();
        expect(v.value.ok).toBe(true);
      } finally {
        await core.close();
      }
      console.log(`write storm: ${SEATS * WRITES} incidents from ${SEATS} seats in ${seconds.toFixed(1)} s`);
    },
    Math.max(120_000, WRITES * 200),
  );
});
