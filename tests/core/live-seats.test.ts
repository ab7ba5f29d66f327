/**
 * Live seats: a write committed at one seat is heard at the others within a second (PostgreSQL
 * LISTEN/NOTIFY), a seat whose LISTEN connection is cut says `lost`, refuses writes, and finds its way
 * back by itself; on SQLite the local commit feeds the same events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent, SeatEvent } from '../../electron/core/contract/changes';
import { ManualClock } from '../../electron/core/db/clock';
import { migratePostgres } from '../../electron/core/db/pg/migrate';
import type { Sql } from '../../electron/core/db/sql-port';
import { postgresSql } from '../../electron/core/db/sql-postgres';
import { createContext, type CoreContext } from '../../electron/core/context';
import { topicsOf } from '../../electron/core/changes';
import { freshDatabase, pgUrl } from '../pg/databases';
import { openTestCore, TEST_WIRING } from './helpers';
import { chemicalFire } from './fixtures';

/** Resolves with the first event `pick` accepts, or rejects after `ms`. */
function next<T>(subscribe: (l: (e: T) => void) => () => void, pick: (e: T) => boolean, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching event within ${ms} ms`));
    }, ms);
    const stop = subscribe((e) => {
      if (!pick(e)) return;
      clearTimeout(timer);
      stop();
      resolve(e);
    });
  });
}

describe('the change feed of a service', () => {
  // On SQLite the local commit feeds it; on PostgreSQL (core-pg) the seat hears its own NOTIFY.
  it('tells a listener what a committed write touched, and nothing for a failed one', async () => {
    const core = await openTestCore({ start: '2026-11-23T12:00:00Z' });
    const heard: ChangeEvent[] = [];
    const stop = core.service.onChange((c) => heard.push(c));
    try {
      await core.service.ctx.changes.whenListening();
      await core.call('incidents.create', chemicalFire());
      await expect.poll(() => heard, { timeout: 1000, interval: 10 }).toEqual([{ topics: ['incidents'] }]);
      const bad = await core.service.invoke('incidents.amend', { id: 999999, expectedVersion: 1 } as never);
      expect(bad.ok).toBe(false);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toHaveLength(1);
      expect(core.service.connection().state).toBe('ok');
    } finally {
      stop();
    }
  });

  it('names the areas of the tables a transaction recorded', () => {
    expect(topicsOf(['incidents', 'incident_versions', 'handovers'])).toEqual(['handovers', 'incidents']);
    expect(topicsOf(['somewhere_new'])).toEqual(['all']);
  });
});

/** Connections of `seat` that are LISTENing (its feed's client once in place). */
async function listening(ctx: CoreContext, seat: string): Promise<number> {
  return Number(
    await ctx.sql.value("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND query LIKE 'LISTEN%'", [
      `${seat} (listen)`,
    ]),
  );
}

describe.skipIf(!pgUrl())('live seats on one PostgreSQL database', () => {
  let url: string;
  const ports: Sql[] = [];
  // Seats as the core's context: every service write is a ctx.tx, and this one records like one (an
  // audit entry naming its table), without depending on each feature's SQL running on PostgreSQL.
  const seat = (name: string): CoreContext => {
    const sql = postgresSql({ url, applicationName: name });
    ports.push(sql);
    return createContext({
      sql,
      clock: new ManualClock('2026-11-23T01:00:00Z'),
      appVersion: 'test',
      dataFile: '',
      wiring: TEST_WIRING,
    });
  };
  const write = (ctx: CoreContext, refTable = 'incidents') =>
    ctx.tx(async (ctx) => {
      await ctx.audit.append({ actor: 'test', kind: 'incident', refTable, payload: { at: Date.now() } });
    });
  beforeAll(async () => {
    url = await freshDatabase('seats');
    const owner = postgresSql({ url });
    try {
      await migratePostgres(owner, { appVersion: 'test', now: () => '2026-11-23T01:00:00.000Z' });
    } finally {
      await owner.close();
    }
  });
  afterAll(async () => {
    for (const p of ports) await p.close();
  });

  it('a write at one seat fires onChange at the other within 1 s; a rolled-back one does not', async () => {
    const [a, b] = [seat('seat-a'), seat('seat-b')];
    const heard: ChangeEvent[] = [];
    const stop = b.changes.onChange((c) => heard.push(c));
    try {
      await expect.poll(() => listening(a, 'seat-b'), { timeout: 3000 }).toBe(1);
      const t0 = Date.now();
      await write(a, 'handovers');
      await expect.poll(() => heard, { timeout: 1000, interval: 20 }).toEqual([{ topics: ['handovers'] }]);
      expect(Date.now() - t0).toBeLessThan(1000);
      // A transaction that fails after writing sends nothing: NOTIFY goes out only on commit.
      await expect(
        a.tx(async (ctx) => {
          await ctx.audit.append({ actor: 'x', kind: 'incident', refTable: 'incidents', payload: {} });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('survives its LISTEN connection being terminated: lost, writes refused, then ok and `all` by itself', async () => {
    const [a, b] = [seat('seat-a2'), seat('seat-b2')];
    const feed = b.changes;
    const events: SeatEvent[] = [];
    const stop = feed.subscribe((e) => events.push(e));
    try {
      await expect.poll(() => listening(a, 'seat-b2'), { timeout: 3000 }).toBe(1);
      const lost = next(feed.subscribe.bind(feed), (e) => e.type === 'connection' && e.state === 'lost', 3000);
      await a.sql.value(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'seat-b2 (listen)'",
      );
      await lost;
      expect(feed.connection().state).toBe('lost');
      await expect(write(b)).rejects.toMatchObject({ code: 'db.unavailable' });
      // Back by itself, and told to refetch everything (notifications sent meanwhile were missed).
      await expect.poll(() => feed.connection().state, { timeout: 5000 }).toBe('ok');
      expect(events.filter((e) => e.type === 'connection').map((e) => e.type === 'connection' && e.state)).toEqual([
        'lost',
        'ok',
      ]);
      expect(events.at(-1)).toEqual({ type: 'change', topics: ['all'] });
      // And hears the other seat again.
      const heard = next(feed.subscribe.bind(feed), (e) => e.type === 'change', 1000);
      await write(a);
      expect(await heard).toEqual({ type: 'change', topics: ['incidents'] });
      await write(b); // and writes again
    } finally {
      stop();
    }
  });
});
