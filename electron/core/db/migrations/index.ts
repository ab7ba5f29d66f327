import type { Migration } from './types';
import { migration010 } from './010-foundation';
import { migration020 } from './020-incidents';
import { migration030 } from './030-plans';
import { migration040 } from './040-roster';
import { migration050 } from './050-handover';
import { migration060 } from './060-exports';
import { migration070 } from './070-reporting-rules';
import { migration080 } from './080-issued-documents';
import { migration090 } from './090-integrity';
import { migration100 } from './100-open-deadlines';
import { migration120 } from './120-log-filter-index';
import { migration130 } from './130-now-desk';
import { migration140 } from './140-daily-activity-index';

/** Imported statically (bundling-safe), in order. Forward-only: never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [
  migration010,
  migration020,
  migration030,
  migration040,
  migration050,
  migration060,
  migration070,
  migration080,
  migration090,
  migration100,
  migration120,
  migration130,
  migration140,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
