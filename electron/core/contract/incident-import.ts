import { z } from 'zod';
import { incidentCreateSchema } from './incidents';
import { callCreateSchema } from './log-entries';
import { reportSendSchema } from './reports';

/**
 * One line of `duty-room import-incidents`: the incident's facts as the previous system holds them, and
 * optionally what was already done about it there: the written reports as sent (初报/续报/终报, in the
 * order sent) and the calls logged about it. Each report carries what the send form asks (time, channel,
 * recipient, approving leader, sender, an override when fields were let go); each call what the call
 * form asks. A 补报 or a phone report is not imported: they depend on state the old system may not share.
 */
export const importedReportSchema = reportSendSchema
  .omit({ id: true })
  .extend({ kind: z.enum(['initial', 'followup', 'final']) })
  .strict();
export type ImportedReport = z.infer<typeof importedReportSchema>;

// Built from the call form's fields (its refinement, about the phone report, keeps `.omit` away).
const call = callCreateSchema.shape;
export const importedCallSchema = z
  .object({ at: call.at, direction: call.direction, party: call.party, number: call.number, gist: call.gist })
  .strict();
export type ImportedCall = z.infer<typeof importedCallSchema>;

export const incidentImportLineSchema = incidentCreateSchema
  .extend({
    reports: z.array(importedReportSchema).max(100).optional(),
    calls: z.array(importedCallSchema).max(1000).optional(),
  })
  .strict();
