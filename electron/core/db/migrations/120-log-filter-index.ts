import type { Migration } from './types';

/**
 * The log's level + district filter (issue 13). With one index per column SQLite walked every incident
 * of the level to find those of the district: when the pair is rare (or absent) that is a quarter of the
 * table, 300 ms at 100,000 incidents and ten times that at 1,000,000. Indexed on both, the page is 50
 * index steps and the capped count at most 10,001, whatever the size of the log.
 */
export const migration120: Migration = {
  version: 120,
  name: 'log filter index: level and district together, in page order',
  up: `
    CREATE INDEX incidents_level_district_page ON incidents(level, district, received_at DESC, id DESC);
  `,
};
