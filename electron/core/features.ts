import type { CoreWiring } from './wiring';
import * as incidentQueries from './incidents/queries';
import * as planQueries from './plans/queries';
import { planTimeline } from './plans/timeline';
import { plansInPeriod } from './documents/plans-source';
import { rosterOnDuty } from './documents/roster-source';

/**
 * The cross-feature adapters of a full build, in one list: what a host's composition root passes to
 * `createService` (with its own PDF printer). Leaving one out is how a build without a feature (or a
 * test) makes the reader say "not available" instead of inventing data.
 */
export const CORE_FEATURES: Omit<CoreWiring, 'pdfPrinter'> = {
  timeline: [planTimeline],
  handover: { incidents: incidentQueries, plans: planQueries },
  daily: { onDuty: rosterOnDuty, activePlans: plansInPeriod },
};
