import type { Migration } from './types';

/**
 * The daily report's 续报情况 finds the older incidents touched in its period from the period's own
 * activity (issue 13): reports by sent_at and instructions by given_at are indexed already (020, 130);
 * amendments, instruction relays/feedback and response events were not, so finding them read every row
 * ever written — 583 ms at 100,000 incidents, 5.5 s at 1,000,000. By time, each is a range read of a day.
 */
export const migration140: Migration = {
  version: 140,
  name: 'daily report: activity by time (amendments, instruction actions, response events)',
  up: `
    CREATE INDEX incident_versions_at ON incident_versions(at);
    CREATE INDEX instruction_actions_at ON instruction_actions(at);
    CREATE INDEX activation_events_at ON activation_events(at);
  `,
};
