import type { HandoverDeadline, HandoverLive } from '../contract/handover';
import type { CoreContext } from '../context';
import * as incidentQueries from '../incidents/queries';
import * as planQueries from '../plans/queries';

/**
 * The handover draft reads other features only through this adapter, with the signatures that
 * `incidents/queries.ts` and `plans/queries.ts` export. A source left null is reported to the UI as
 * "not available" (never as an empty list pretending nothing is open).
 */
export interface IncidentSource {
  openDeadlines(ctx: CoreContext, now: Date): HandoverDeadline[];
  openIncidentsWithDeadlines(ctx: CoreContext, now: Date): HandoverLive['incidents'];
  openInstructions(ctx: CoreContext): HandoverLive['instructions'];
}
export interface PlanSource {
  activeResponses(ctx: CoreContext, now: Date): HandoverLive['responses'];
}
export interface HandoverSources {
  incidents: IncidentSource | null;
  plans: PlanSource | null;
}

export const handoverSources: HandoverSources = { incidents: incidentQueries, plans: planQueries };

/** Assembles the live part of a handover draft in one place. */
export function assembleHandoverLive(
  ctx: CoreContext,
  now: Date,
  sources: HandoverSources = handoverSources,
): HandoverLive {
  const inc = sources.incidents;
  const plans = sources.plans;
  return {
    generatedAt: now.toISOString(),
    sources: { incidents: inc !== null, plans: plans !== null },
    incidents: inc ? inc.openIncidentsWithDeadlines(ctx, now) : [],
    deadlines: inc ? inc.openDeadlines(ctx, now) : [],
    instructions: inc ? inc.openInstructions(ctx) : [],
    responses: plans ? plans.activeResponses(ctx, now) : [],
  };
}
