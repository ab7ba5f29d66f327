import { z } from 'zod';
import { isoInstant } from './incidents';

const id = z.number().int().positive();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const text = (max: number) => z.string().trim().max(max);

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export const callCreateSchema = z
  .object({
    incidentId: id.nullable(),
    at: isoInstant,
    direction: z.enum(CALL_DIRECTIONS),
    party: requiredText(100),
    number: text(40),
    gist: requiredText(2000),
    /** 电话报告: this outgoing call to the reporting recipient is the incident's phone report. */
    phoneReport: z.boolean().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.phoneReport) return;
    if (c.direction !== 'out')
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        params: { code: 'phone_report_outgoing' },
        message: 'outgoing',
      });
    if (c.incidentId === null)
      ctx.addIssue({
        code: 'custom',
        path: ['incidentId'],
        params: { code: 'phone_report_incident' },
        message: 'incident',
      });
  });
export const callListSchema = z
  .object({
    incidentId: id.optional(),
    /** Only calls at or after this instant (the Now desk: today's calls). */
    since: isoInstant.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export const callLinkSchema = z.object({ id, incidentId: id }).strict();

export interface Call {
  id: number;
  incidentId: number | null;
  at: string;
  direction: 'in' | 'out';
  party: string;
  number: string;
  gist: string;
  /** The phone report (report chain entry) this call made, if it was marked 电话报告. */
  phoneReportId: number | null;
  createdAt: string;
  createdBy: string;
}

export const instructionCreateSchema = z
  .object({ incidentId: id.nullable(), leader: requiredText(50), givenAt: isoInstant, text: requiredText(2000) })
  .strict();
export const INSTRUCTION_ACTIONS = ['relay', 'feedback', 'completed'] as const;
export const instructionActionSchema = z
  .object({
    instructionId: id,
    kind: z.enum(INSTRUCTION_ACTIONS),
    at: isoInstant,
    /** 传达 to whom / feedback from whom. */
    party: text(200),
    text: text(2000),
  })
  .strict()
  .superRefine((a, ctx) => {
    // A relay (传达) that names nobody cannot be followed up: whom was it passed to?
    if (a.kind === 'relay' && a.party === '')
      ctx.addIssue({ code: 'custom', path: ['party'], params: { code: 'relay_recipient' } });
  });

export interface InstructionAction {
  id: number;
  kind: (typeof INSTRUCTION_ACTIONS)[number];
  at: string;
  party: string;
  text: string;
  createdBy: string;
}

export interface Instruction {
  id: number;
  incidentId: number | null;
  leader: string;
  givenAt: string;
  text: string;
  createdAt: string;
  createdBy: string;
  actions: InstructionAction[];
  status: 'following' | 'completed';
}

/**
 * A 领导批示 the duty room still owes something on (the Now desk): not yet passed on (to_relay), or
 * passed on with no 反馈 since the last 传达 (awaiting_feedback).
 */
export interface PendingInstruction {
  id: number;
  state: 'to_relay' | 'awaiting_feedback';
  incidentId: number | null;
  incidentNumber: string | null;
  incidentTitle: string | null;
  leader: string;
  givenAt: string;
  text: string;
  /** The last 传达: when, and to whom; null while not relayed. */
  relayedAt: string | null;
  relayedTo: string | null;
}
