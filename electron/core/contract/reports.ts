import { z } from 'zod';
import { isoInstant, type IncidentFacts } from './incidents';
import type { ReportChannel, ReportKind } from './deadlines';

/** The written reports an officer drafts; the phone report is made by logging the call instead. */
export const REPORT_KINDS = ['initial', 'followup', 'final', 'supplementary'] as const satisfies readonly ReportKind[];
export const REPORT_CHANNELS = ['phone', 'fax', 'edoc', 'sms'] as const satisfies readonly ReportChannel[];

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const reportDraftSchema = z.object({ incidentId: id, kind: z.enum(REPORT_KINDS) }).strict();

export const reportUpdateSchema = z
  .object({
    id,
    recipientUnit: text(100).optional(),
    /** 续报: what changed since the last report (pre-filled from the diff). */
    changes: text(5000).optional(),
    /** 终报: 善后、恢复重建、评估. */
    aftermath: text(5000).optional(),
    otherNotes: text(2000).optional(),
  })
  .strict();

export const reportSendSchema = z
  .object({
    id,
    sentAt: isoInstant,
    channel: z.enum(REPORT_CHANNELS),
    recipientUnit: requiredText(100),
    approvingLeader: requiredText(50),
    sender: requiredText(50),
    /** A leader may let a report with empty required fields go up; the override is logged. */
    override: z
      .object({ leader: requiredText(50), reason: requiredText(500) })
      .strict()
      .optional(),
  })
  .strict();

/** Order 493 art. 12: the facts every written report must carry. */
export const REQUIRED_REPORT_FIELDS = [
  'involvedUnit',
  'occurredAt',
  'place',
  'summary',
  'measures',
  'economicLoss',
] as const;

export interface Report {
  id: number;
  incidentId: number;
  kind: ReportKind;
  /** 续报 number (1 = 续报一) or 补报 number; 0 for 初报/终报. */
  seq: number;
  status: 'draft' | 'sent';
  recipientUnit: string;
  channel: ReportChannel | null;
  approvingLeader: string | null;
  sender: string | null;
  sentAt: string | null;
  /** The incident's facts frozen when the report was sent (the live facts while a draft). */
  snapshot: IncidentFacts;
  changes: string;
  aftermath: string;
  otherNotes: string;
  overrideLeader: string | null;
  overrideReason: string | null;
  /** Required fields that were empty when it was sent (with an override, now or in an earlier report). */
  missingFields: string[];
  /** The phone report: the outgoing call that made it. */
  callId: number | null;
  createdAt: string;
  createdBy: string;
}
