import { createRequire } from 'node:module';
import type pg from 'pg';

const requireHere = createRequire(import.meta.url);
let lib: typeof pg | null = null;

/**
 * `pg`, loaded on first use: a seat on its own SQLite file never talks to a server, and loading the
 * driver took 40 ms of every host's start (measured, web host at 1M records).
 */
export const pgLib = (): typeof pg => (lib ??= requireHere('pg') as typeof pg);
