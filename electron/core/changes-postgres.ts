import type pg from 'pg';
import { pgLib } from './db/pg-lib';
import { CHANGE_TOPICS, type ChangeTopic } from './contract/changes';
import type { Sql } from './db/sql-port';
import type { ChangeFeed, FeedSource } from './changes';

/** The one channel every seat LISTENs on and every writing transaction NOTIFYs. */
export const CHANGE_CHANNEL = 'duty_room_changes';

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 2000;
/** A server that vanished without closing the socket (cable, VPN) is noticed by an unanswered ping. */
const PING_EVERY_MS = 5000;

/** Inside the writing transaction: delivered to every listening seat when (and only if) it commits. */
export async function notifyChanges(sql: Sql, topics: ChangeTopic[]): Promise<void> {
  await sql.run('SELECT pg_notify(?, ?)', [CHANGE_CHANNEL, JSON.stringify({ topics })]);
}

/** A notification's topics; anything unreadable (another app on the channel, a newer seat) counts as `all`. */
export function parsePayload(payload: string | undefined): ChangeTopic[] {
  try {
    const topics = (JSON.parse(payload ?? '') as { topics?: unknown }).topics;
    if (Array.isArray(topics) && topics.length && topics.every((t) => CHANGE_TOPICS.includes(t as ChangeTopic)))
      return topics as ChangeTopic[];
  } catch {
    // falls through
  }
  return ['all'];
}

/**
 * The seat's LISTEN connection: a dedicated client beside the pool (a pooled connection is handed to
 * other queries and would drop the LISTEN on release). When it is lost the feed says `lost` — the header
 * shows it and writes are refused — and it reconnects with backoff; back again, it tells every listener
 * `all`, since notifications sent meanwhile were not heard.
 */
export function postgresListener(config: pg.ClientConfig): FeedSource {
  let feed: ChangeFeed | null = null;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let ping: NodeJS.Timeout | null = null;
  let delay = RETRY_FIRST_MS;

  const drop = (c: pg.Client) => {
    if (client !== c) return; // already dropped (error and end both fire)
    client = null;
    if (ping) clearInterval(ping);
    ping = null;
    c.removeAllListeners('notification');
    c.on('error', () => {}); // a late error from the dead socket must not crash the process
    void c.end().catch(() => {});
    if (!feed) return;
    feed.listening(false);
    feed.setConnection('lost');
    retry = setTimeout(connect, delay);
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  };

  const connect = () => {
    retry = null;
    if (!feed) return;
    const c = new (pgLib().Client)({
      ...config,
      application_name: `${config.application_name ?? 'duty-room'} (listen)`,
    });
    client = c;
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    c.on('notification', (n) => {
      if (n.channel === CHANGE_CHANNEL) feed?.emit(parsePayload(n.payload));
    });
    void c
      .connect()
      .then(() => c.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(() => {
        if (client !== c || !feed) return;
        delay = RETRY_FIRST_MS;
        const wasLost = feed.lost;
        feed.setConnection('ok');
        feed.listening(true);
        if (wasLost) feed.emit(['all']);
        ping = setInterval(() => {
          const timeout = setTimeout(() => drop(c), PING_EVERY_MS);
          void c.query('SELECT 1').then(
            () => clearTimeout(timeout),
            () => drop(c),
          );
        }, PING_EVERY_MS);
      })
      .catch(() => drop(c));
  };

  return {
    start(f) {
      feed = f;
      connect();
    },
    async stop() {
      feed = null;
      if (retry) clearTimeout(retry);
      if (ping) clearInterval(ping);
      retry = ping = null;
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
