import type { incidentMethods, IncidentDetail } from '../contract/incident-methods';
import type { HandlerMap } from '../handlers';
import type { CoreContext } from '../context';
import { amendIncident, createIncident, findIncident, voidIncident } from './incident-repo';
import { incidentVersions } from './incident-versions';
import { createDraft, incidentReports, sendReport, updateDraft } from './reports-repo';
import {
  addInstructionAction,
  createCall,
  createInstruction,
  incidentInstructions,
  linkCall,
  listCalls,
} from './log-repo';
import { currentRules, updateRules } from './deadline-rules';
import { deadlinesFor, openDeadlines } from './queries';
import { listIncidents } from './list-query';
import { deadlineSummary } from './open-deadlines';
import { pendingInstructions } from './pending-instructions';
import { search } from './search';
import { buildTimeline } from './timeline';
import { parseMessage } from '../domain/message-parser';
import { getSettings } from '../settings/settings-repo';

export async function incidentDetail(ctx: CoreContext, id: number): Promise<IncidentDetail> {
  const incident = await findIncident(ctx, id);
  const parts = {
    incident,
    versions: await incidentVersions(ctx, id),
    reports: await incidentReports(ctx, id),
    instructions: await incidentInstructions(ctx, id),
    calls: await listCalls(ctx, { incidentId: id, limit: 200 }),
    deadlines: (await deadlinesFor(ctx, [incident])).get(id) ?? [],
  };
  return { ...parts, timeline: await buildTimeline(ctx, parts) };
}

export const incidentHandlers: HandlerMap<keyof typeof incidentMethods> = {
  'incidents.create': (input, ctx) => createIncident(ctx, input),
  'incidents.createFromCall': ({ callId, ...facts }, ctx) =>
    ctx.tx(async (ctx) => {
      const incident = await createIncident(ctx, facts);
      await linkCall(ctx, { id: callId, incidentId: incident.id });
      return incident;
    }),
  'incidents.amend': (input, ctx) => amendIncident(ctx, input),
  'incidents.void': (input, ctx) => voidIncident(ctx, input),
  'incidents.get': (input, ctx) => incidentDetail(ctx, input.id),
  'incidents.list': (input, ctx) => listIncidents(ctx, input),
  'incidents.parseMessage': async (input, ctx) => {
    const { timeZone, districts } = await getSettings(ctx);
    return parseMessage(input.text, {
      referenceAt: input.referenceAt ?? ctx.clock.now().toISOString(),
      timeZone,
      districts,
    });
  },
  'reports.draft': (input, ctx) => createDraft(ctx, input),
  'reports.update': (input, ctx) => updateDraft(ctx, input),
  'reports.send': (input, ctx) => sendReport(ctx, input),
  'calls.create': (input, ctx) => createCall(ctx, input),
  'calls.list': (input, ctx) => listCalls(ctx, input),
  'calls.link': (input, ctx) => linkCall(ctx, input),
  'instructions.create': (input, ctx) => createInstruction(ctx, input),
  'instructions.addAction': (input, ctx) => addInstructionAction(ctx, input),
  'instructions.pending': (_, ctx) => pendingInstructions(ctx, ctx.clock.now()),
  'deadlines.rules': (_, ctx) => currentRules(ctx),
  'deadlines.updateRules': (input, ctx) => updateRules(ctx, input),
  'deadlines.open': (_, ctx) => openDeadlines(ctx, ctx.clock.now()),
  'deadlines.summary': (_, ctx) => deadlineSummary(ctx, ctx.clock.now()),
  'search.query': (input, ctx) => search(ctx, input),
};
