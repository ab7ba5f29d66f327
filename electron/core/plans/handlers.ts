import type { planMethods } from '../contract/plan-methods';
import type { HandlerMap } from '../handlers';
import { activationsForIncident, readActivation } from './activation-read';
import { changeLevel, startActivation, terminate } from './activation-repo';
import { markNotApplicable, noteItem, tickItem } from './checklist-repo';
import { exportPlans, importPlans } from './plan-file';
import { getPlan, listPlans, retirePlan, savePlan } from './plan-repo';
import { activeResponseRows } from './queries';
// Registers the plan entries of the incident timeline.

export const planHandlers: HandlerMap<keyof typeof planMethods> = {
  'plans.list': (input, ctx) => listPlans(ctx, input.includeRetired),
  'plans.get': (input, ctx) => getPlan(ctx, input.id, input.version),
  'plans.save': (input, ctx) => savePlan(ctx, input),
  'plans.retire': (input, ctx) => retirePlan(ctx, input.id, input.reason),
  'plans.import': (input, ctx) => importPlans(ctx, input.text),
  'plans.export': (input, ctx) => exportPlans(ctx, input.ids),
  'activations.start': (input, ctx) => startActivation(ctx, input),
  'activations.get': (input, ctx) => readActivation(ctx, input.id),
  'activations.forIncident': (input, ctx) => activationsForIncident(ctx, input.incidentId),
  'activations.active': (_, ctx) => activeResponseRows(ctx, ctx.clock.now()),
  'activations.changeLevel': (input, ctx) => changeLevel(ctx, input),
  'activations.terminate': (input, ctx) => terminate(ctx, input),
  'checklist.tick': (input, ctx) => tickItem(ctx, input),
  'checklist.markNA': (input, ctx) => markNotApplicable(ctx, input),
  'checklist.note': (input, ctx) => noteItem(ctx, input),
};
