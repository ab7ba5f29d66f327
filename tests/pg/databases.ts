/**
 * A fresh database per test file on the test cluster (tests/pg/cluster.ts), so files run in parallel
 * without seeing each other's rows. `pgUrl()` is '' when PostgreSQL is not available: skip then.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test cluster; '' when PostgreSQL is not available here. */
    dutyPgUrl: string;
  }
}

export function pgUrl(): string {
  return inject('dutyPgUrl') || process.env.DUTY_PG_URL || '';
}

/**
 * Creates an empty database (or a copy of `template`, a database nobody is connected to) and returns its
 * URL (the same server and superuser as the cluster's).
 */
export async function freshDatabase(prefix = 'dr', template?: string): Promise<string> {
  const admin = pgUrl();
  if (!admin) throw new Error('no PostgreSQL test cluster');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database name in a URL from `freshDatabase`. */
export const databaseOf = (url: string) => new URL(url).pathname.slice(1);
