import { z } from 'zod';
import { CATEGORIES, isoInstant, type Category } from './incidents';
import { RULE_LEVELS, type RuleLevel } from './deadlines';

/** Response levels of a plan: Ⅰ highest. The same four grades as incidents, without 未定级. */
export const PLAN_LEVELS = RULE_LEVELS;
export type PlanLevel = RuleLevel;
export const PLAN_STATUSES = ['active', 'retired'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Report-chain acts a checklist item may be satisfied by. */
export const SATISFYING_ACTS = ['phone', 'initial', 'followup', 'final'] as const;
export type SatisfyingAct = (typeof SATISFYING_ACTS)[number];

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/**
 * One checklist item of a level. `id` is the item's stable key inside the plan: the same key at two
 * levels is the same action (so raising a response does not add it twice); it is unique within a level.
 */
export const planItemSchema = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9_.-]+$/),
    action: text(1, 300),
    responsible: text(0, 100),
    contact: text(0, 100),
    /** Minutes after the level was activated; 0 = at once. */
    limitMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30),
    required: z.boolean(),
    /**
     * The reporting act that does this item: the phone report, or the 初报/续报/终报 being sent. That act
     * ticks the item (with a reference to the call or report), wherever in the app it was done.
     */
    satisfiedBy: z.enum(SATISFYING_ACTS).optional(),
  })
  .strict();
export type PlanItem = z.infer<typeof planItemSchema>;

const levelItems = z.array(planItemSchema).max(100);

/** The content of a plan: what a version freezes and what import/export carry. */
export const planDocSchema = z
  .object({
    name: text(1, 100),
    categories: z.array(z.enum(CATEGORIES)).max(4),
    subtypes: z.array(text(1, 30)).max(30),
    scope: text(0, 2000).default(''),
    levels: z.object({ I: levelItems, II: levelItems, III: levelItems, IV: levelItems }).strict(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    for (const level of PLAN_LEVELS) {
      const seen = new Set<string>();
      doc.levels[level].forEach((item, i) => {
        if (seen.has(item.id))
          ctx.addIssue({
            code: 'custom',
            path: ['levels', level, i, 'id'],
            params: { code: 'duplicate_id' },
          });
        seen.add(item.id);
      });
    }
    if (PLAN_LEVELS.every((l) => doc.levels[l].length === 0))
      ctx.addIssue({ code: 'custom', path: ['levels'], params: { code: 'no_items' } });
  });
export type PlanDoc = z.infer<typeof planDocSchema>;
export type PlanDocInput = z.input<typeof planDocSchema>;

export const PLAN_FILE_FORMAT = 'duty-room-plans';
/** The import/export file: a format tag so a wrong file is named as such, and a list of plans. */
export const planFileSchema = z
  .object({
    format: z.literal(PLAN_FILE_FORMAT),
    version: z.literal(1),
    exportedAt: isoInstant.optional(),
    plans: z.array(planDocSchema).min(1).max(200),
  })
  .strict();
export type PlanFile = z.infer<typeof planFileSchema>;

export const planSaveSchema = z
  .object({
    /** Absent for a new plan. */
    id: z.number().int().positive().optional(),
    /** Optimistic concurrency for edits: the version the editor was opened on. */
    expectedVersion: z.number().int().positive().optional(),
    doc: planDocSchema,
  })
  .strict();
export const planGetSchema = z
  .object({ id: z.number().int().positive(), version: z.number().int().positive().optional() })
  .strict();
export const planListSchema = z.object({ includeRetired: z.boolean().default(false) }).strict();
export const planRetireSchema = z.object({ id: z.number().int().positive(), reason: text(1, 500) }).strict();
export const planImportSchema = z.object({ text: z.string().max(5_000_000) }).strict();
export const planExportSchema = z.object({ ids: z.array(z.number().int().positive()).max(200).optional() }).strict();

export interface PlanSummary {
  id: number;
  name: string;
  categories: Category[];
  subtypes: string[];
  version: number;
  status: PlanStatus;
  itemCounts: Record<PlanLevel, number>;
  updatedAt: string;
  updatedBy: string;
}

export interface Plan extends PlanSummary {
  doc: PlanDoc;
  retiredReason: string | null;
  versions: { version: number; at: string; by: string }[];
}

export interface PlanExport {
  fileName: string;
  text: string;
}

// ——— Activations and checklists ———

const orderedBy = text(1, 100);
const note = text(0, 1000).default('');

export const activationStartSchema = z
  .object({
    incidentId: z.number().int().positive(),
    planId: z.number().int().positive(),
    level: z.enum(PLAN_LEVELS),
    /** The leader who ordered the response (决定启动). */
    orderedBy,
    /** When it was ordered; defaults to now. */
    at: isoInstant.optional(),
    note,
  })
  .strict();
export const activationChangeSchema = z
  .object({ id: z.number().int().positive(), level: z.enum(PLAN_LEVELS), orderedBy, at: isoInstant.optional(), note })
  .strict();
export const activationTerminateSchema = z
  .object({ id: z.number().int().positive(), orderedBy, at: isoInstant.optional(), note })
  .strict();
export const activationsForIncidentSchema = z.object({ incidentId: z.number().int().positive() }).strict();
export const checklistTickSchema = z
  .object({
    itemId: z.number().int().positive(),
    /** Who carried it out, when not the operator at the keyboard (e.g. the second officer). */
    by: text(1, 50).optional(),
    at: isoInstant.optional(),
    note,
  })
  .strict();
export const checklistNaSchema = z
  .object({ itemId: z.number().int().positive(), reason: text(1, 500), by: text(1, 50).optional() })
  .strict();
export const checklistNoteSchema = z.object({ itemId: z.number().int().positive(), text: text(1, 1000) }).strict();

export type ActivationStatus = 'active' | 'terminated';
export type ActivationEventKind = 'activated' | 'level_changed' | 'terminated';

export interface ActivationEvent {
  id: number;
  kind: ActivationEventKind;
  at: string;
  fromLevel: PlanLevel | null;
  toLevel: PlanLevel | null;
  orderedBy: string;
  recordedBy: string;
  note: string;
}

export interface ChecklistMark {
  at: string;
  by: string;
  recordedBy: string;
  text: string;
}

export interface ChecklistItem {
  id: number;
  key: string;
  /** The level whose list brought the item in. */
  level: PlanLevel;
  seq: number;
  action: string;
  responsible: string;
  contact: string;
  limitMinutes: number;
  required: boolean;
  /** When its level was activated: the clock of the time limit starts here. */
  startAt: string;
  dueAt: string;
  /** False once the response was lowered to a level that does not list the item. */
  inCurrentLevel: boolean;
  done: ChecklistMark | null;
  notApplicable: ChecklistMark | null;
  notes: ChecklistMark[];
}

export interface Activation {
  id: number;
  incidentId: number;
  incidentNumber: string;
  incidentTitle: string;
  planId: number;
  planName: string;
  planVersion: number;
  level: PlanLevel;
  status: ActivationStatus;
  activatedAt: string;
  orderedBy: string;
  recordedBy: string;
  terminatedAt: string | null;
  terminatedOrderedBy: string | null;
  events: ActivationEvent[];
  items: ChecklistItem[];
}

/** A live response as the handover and the Plans area list it. */
export interface ActiveResponse {
  activationId: number;
  incidentId: number;
  planName: string;
  level: PlanLevel;
  activatedAt: string;
  overdueItems: Array<{ itemId: number; action: string; dueAt: string }>;
}
export interface ActiveResponseRow extends ActiveResponse {
  incidentNumber: string;
  incidentTitle: string;
  openItems: number;
  nextDueAt: string | null;
  /** The open item due first that is not yet overdue (the Now desk counts down to it). */
  nextItem: { itemId: number; action: string; startAt: string; dueAt: string } | null;
}

export type ChecklistItemState = 'pending' | 'due_soon' | 'overdue' | 'done' | 'done_late' | 'na' | 'out_of_level';

export interface ChecklistItemStatus {
  state: ChecklistItemState;
  /** Milliseconds left (negative when overdue); for done ones, how early (+) or late (−). */
  remainingMs: number;
}
