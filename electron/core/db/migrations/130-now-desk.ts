import type { Migration } from './types';

/**
 * The Now desk lists 领导批示 still awaiting 反馈 from the last STALE_AFTER_DAYS (issue 14): an index on
 * given_at keeps that a range read however many years of instructions the room has logged (issue 13:
 * home data from indexes, no scans).
 */
export const migration130: Migration = {
  version: 130,
  name: 'now desk: instructions by given time',
  up: `CREATE INDEX instructions_given ON instructions(given_at);`,
};
