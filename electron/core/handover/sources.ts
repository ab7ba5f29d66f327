import type { HandoverDeadline, HandoverLive } from '../contract/handover';
import type { CoreContext } from '../context';

/**
 * The handover draft reads other features only through this adapter, with the signatures that
 * `incidents/queries.ts` and `plans/queries.ts` export. A source left null is reported to the UI as
 * "not available" (never as an empty list pretending nothing is open).
 */
export interface IncidentSource {
  openDeadlines(ctx: CoreContext, now: Date): Promise<HandoverDeadline[]>;
  openIncidentsWithDeadlines(ctx: CoreContext, now: Date): Promise<HandoverLive['incidents']>;
  openInstructions(ctx: CoreContext): Promise<HandoverLive['instructions']>;
}
export interface PlanSource {
  activeResponses(ctx: CoreContext, now: Date): Promise<HandoverLive['responses']>;
}
export interface HandoverSources {
  incidents: IncidentSource | null;
  plans: PlanSource | null;
}

/** Assembles the live part of a handover draft in one place, from the sources the host wired in. */
export async function assembleHandoverLive(ctx: CoreContext, now: Date): Promise<HandoverLive> {
  const inc = ctx.wiring.handover.incidents;
  const plans = ctx.wiring.handover.plans;
  return {
    generatedAt: now.toISOString(),
    sources: { incidents: inc !== null, plans: plans !== null },
    incidents: inc ? await inc.openIncidentsWithDeadlines(ctx, now) : [],
    deadlines: inc ? await inc.openDeadlines(ctx, now) : [],
    instructions: inc ? await inc.openInstructions(ctx) : [],
    responses: plans ? await plans.activeResponses(ctx, now) : [],
  };
}
