import { method } from './define';
import { idSchema } from './incidents';
import { none } from './app';
import {
  activationChangeSchema,
  activationStartSchema,
  activationTerminateSchema,
  activationsForIncidentSchema,
  checklistNaSchema,
  checklistNoteSchema,
  checklistTickSchema,
  planExportSchema,
  planGetSchema,
  planImportSchema,
  planListSchema,
  planRetireSchema,
  planSaveSchema,
  type Activation,
  type ActiveResponseRow,
  type Plan,
  type PlanExport,
  type PlanSummary,
} from './plans';

export const planMethods = {
  'plans.list': method<PlanSummary[]>()(planListSchema),
  'plans.get': method<Plan>()(planGetSchema),
  'plans.save': method<Plan>()(planSaveSchema),
  'plans.retire': method<Plan>()(planRetireSchema),
  'plans.import': method<PlanSummary[]>()(planImportSchema),
  'plans.export': method<PlanExport>()(planExportSchema),
  'activations.start': method<Activation>()(activationStartSchema),
  'activations.get': method<Activation>()(idSchema),
  'activations.forIncident': method<Activation[]>()(activationsForIncidentSchema),
  'activations.active': method<ActiveResponseRow[]>()(none),
  'activations.changeLevel': method<Activation>()(activationChangeSchema),
  'activations.terminate': method<Activation>()(activationTerminateSchema),
  'checklist.tick': method<Activation>()(checklistTickSchema),
  'checklist.markNA': method<Activation>()(checklistNaSchema),
  'checklist.note': method<Activation>()(checklistNoteSchema),
};
