import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../contract/errors';

/**
 * A data folder remembers which shared database its seat uses: `seat.json` beside where the SQLite file
 * would be, `{"url": "postgres://seat_zhuban@db.duty.local/duty_room?sslmode=verify-full…"}`. The URL
 * should carry no password: pg reads it from ~/.pgpass or PGPASSWORD (docs/postgres.md), so the folder
 * can be backed up or shown without giving the login away. A password written in the URL still works,
 * but is never printed (see describeUrl).
 */
export const SEAT_FILE_NAME = 'seat.json';

export interface SeatFile {
  url: string;
}

export const seatFileOf = (dataDir: string) => join(dataDir, SEAT_FILE_NAME);

/** The shared database URL a data folder remembers, or null for a single seat (no seat.json). */
export function readSeat(dataDir: string): SeatFile | null {
  const file = seatFileOf(dataDir);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('db.bad_url', { url: file });
  }
  const url = (parsed as { url?: unknown } | null)?.url;
  if (typeof url !== 'string') throw new AppError('db.bad_url', { url: file });
  checkUrl(url);
  return { url };
}

/** Written under a temporary name and renamed, so a crash never leaves half a seat.json. */
export function writeSeat(dataDir: string, seat: SeatFile): void {
  checkUrl(seat.url);
  mkdirSync(dataDir, { recursive: true });
  const file = seatFileOf(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ url: seat.url }, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** A postgres:// or postgresql:// URL naming a host and a database; anything else is refused as db.bad_url. */
export function checkUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('db.bad_url', { url: describeUrl(url) });
  }
  if (!/^postgres(ql)?:$/.test(u.protocol) || !u.hostname || u.pathname.length < 2)
    throw new AppError('db.bad_url', { url: describeUrl(url) });
  return u;
}

export interface SharedPlace {
  host: string;
  port: string;
  database: string;
  user: string;
}

/** Where a URL points, without its password: what logs, the CLI and the Settings screen show. */
export function sharedPlace(url: string): SharedPlace {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port || '5432',
    database: decodeURIComponent(u.pathname.slice(1)),
    user: decodeURIComponent(u.username),
  };
}

/** The URL as it may be printed: the password (if any) replaced by ***, the query kept (sslmode…). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not a URL at all: still never echo what may be a password typed in the wrong place.
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
