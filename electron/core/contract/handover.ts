import { z } from 'zod';
import { method } from './define';
import type { OpenDeadline } from './incident-methods';
import { SHIFTS, localDateSchema, type PersonBrief, type ShiftName } from './roster';

const id = z.number().int().positive();
const pin = z
  .string()
  .refine((s) => /^\d{4,8}$/.test(s), { params: { code: 'invalid_pin' } })
  .optional();

export const EQUIPMENT = ['phone', 'fax', 'video', 'satellite'] as const;
export type Equipment = (typeof EQUIPMENT)[number];
export const EQUIPMENT_STATES = ['unchecked', 'ok', 'fault'] as const;
export type EquipmentState = (typeof EQUIPMENT_STATES)[number];
const equipmentSchema = z
  .object({
    phone: z.enum(EQUIPMENT_STATES),
    fax: z.enum(EQUIPMENT_STATES),
    video: z.enum(EQUIPMENT_STATES),
    satellite: z.enum(EQUIPMENT_STATES),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type EquipmentStatus = z.output<typeof equipmentSchema>;

/** What the app drafted from live data when the record was last refreshed (frozen at the first signature). */
export interface HandoverLive {
  generatedAt: string;
  /** False while a source feature is not installed: the UI says so rather than showing an empty list. */
  sources: { incidents: boolean; plans: boolean };
  incidents: Array<{
    id: number;
    number: string;
    title: string;
    level: string;
    receivedAt: string;
    nextDeadline: HandoverDeadline | null;
  }>;
  deadlines: HandoverDeadline[];
  responses: Array<{
    activationId: number;
    incidentId: number;
    planName: string;
    level: string;
    activatedAt: string;
    overdueItems: Array<{ itemId: number; action: string; dueAt: string }>;
  }>;
  instructions: Array<{
    id: number;
    incidentId: number | null;
    leader: string;
    givenAt: string;
    text: string;
    /** 传达 and 反馈 so far (absent in handovers drafted before they were carried). */
    actions?: Array<{ kind: 'relay' | 'feedback'; at: string; party: string; text: string }>;
  }>;
}
/** The incidents feature's open deadline, kept as it was when the handover was drafted. */
export type HandoverDeadline = OpenDeadline;

export interface Signature {
  at: string;
  name: string;
  auditId: number;
  auditHash: string;
}
export type HandoverStatus = 'draft' | 'outgoing_signed' | 'signed' | 'reviewed';
export interface Handover {
  id: number;
  date: string;
  shift: ShiftName;
  periodStart: string;
  periodEnd: string;
  outgoing: PersonBrief | null;
  incoming: PersonBrief | null;
  leader: PersonBrief | null;
  live: HandoverLive;
  notices: string;
  equipment: EquipmentStatus;
  notes: string;
  status: HandoverStatus;
  outgoingSignature: Signature | null;
  incomingSignature: Signature | null;
  review: { at: string; name: string; comment: string } | null;
  createdAt: string;
  createdBy: string;
}
export type HandoverSummary = Pick<
  Handover,
  'id' | 'date' | 'shift' | 'periodStart' | 'periodEnd' | 'outgoing' | 'incoming' | 'leader' | 'status'
>;

/** A shift's handover as the Now desk shows it: due at the shift's end, done once both have signed. */
export interface ShiftHandover {
  date: string;
  shift: ShiftName;
  startsAt: string;
  endsAt: string;
  /** Null while nobody has drafted it. */
  id: number | null;
  status: HandoverStatus | null;
}
export interface HandoverDue {
  /** The shift in progress: its handover falls due when it ends. */
  current: ShiftHandover;
  /** The shift before, only while its handover was drafted but is not yet signed by both. */
  previous: ShiftHandover | null;
}

export const handoverSaveSchema = z
  .object({
    id,
    notices: z.string().trim().max(4000),
    equipment: equipmentSchema,
    notes: z.string().trim().max(4000),
    outgoingPersonId: id.nullable(),
    incomingPersonId: id.nullable(),
  })
  .strict()
  // Handing over to yourself is no handover: two people, two signatures.
  .refine((h) => h.outgoingPersonId === null || h.outgoingPersonId !== h.incomingPersonId, {
    path: ['incomingPersonId'],
    params: { code: 'same_person' },
  });

export const handoverMethods = {
  'handover.draft': method<Handover>()(
    z.object({ date: localDateSchema.optional(), shift: z.enum(SHIFTS).optional() }).strict(),
  ),
  'handover.save': method<Handover>()(handoverSaveSchema),
  'handover.sign': method<Handover>()(
    z.object({ id, side: z.enum(['outgoing', 'incoming']), personId: id, pin }).strict(),
  ),
  'handover.review': method<Handover>()(
    z.object({ id, personId: id, pin, comment: z.string().trim().min(1).max(2000) }).strict(),
  ),
  'handover.list': method<HandoverSummary[]>()(
    z
      .object({ query: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
  ),
  'handover.get': method<Handover>()(z.object({ id }).strict()),
  /** The Now desk: the handover of the shift in progress (and an unfinished one before it). */
  'handover.due': method<HandoverDue>()(z.object({}).strict()),
};

export const HANDOVER_ERROR_CODES = [
  'handover.not_found',
  'handover.frozen',
  'handover.already_signed',
  'handover.not_your_side',
  'handover.outgoing_first',
  'handover.not_signed',
  'handover.already_reviewed',
  'handover.not_leader',
  'handover.missing_officer',
  'handover.pin_not_set',
] as const;
