import { z } from 'zod';
import { isoInstant } from './calendar';

export const CATEGORIES = ['natural', 'accident', 'public_health', 'social_security'] as const;
export type Category = (typeof CATEGORIES)[number];
/** 特别重大 I · 重大 II · 较大 III · 一般 IV · 未定级 */
export const LEVELS = ['I', 'II', 'III', 'IV', 'unrated'] as const;
export type Level = (typeof LEVELS)[number];
export const INCIDENT_STATUSES = ['open', 'closed', 'voided'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Common sub-types offered in the form; the field stays free text. */
export const SUBTYPES: Record<Category, readonly string[]> = {
  natural: ['地震', '洪涝', '台风', '森林火灾', '地质灾害', '气象灾害'],
  accident: ['火灾', '危化品', '道路交通', '矿山', '燃气', '建筑施工', '特种设备', '环境污染'],
  public_health: ['传染病疫情', '食物中毒', '职业中毒', '动物疫情'],
  social_security: ['群体性事件', '恐怖袭击', '涉外突发事件', '网络舆情'],
};

export { isoInstant };
const shortText = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const count = z.number().int().min(0).max(1_000_000);

export const casualtiesSchema = z
  .object({
    deaths: count,
    missing: count,
    seriouslyInjured: count,
    injured: count,
    trapped: count,
    evacuated: count,
  })
  .strict();
export type Casualties = z.infer<typeof casualtiesSchema>;
export const CASUALTY_FIELDS = ['deaths', 'missing', 'seriouslyInjured', 'injured', 'trapped', 'evacuated'] as const;

/** The facts of an incident: what every report snapshots (order 493 art. 12 fields among them). */
export const incidentFactsSchema = z
  .object({
    title: requiredText(100),
    occurredAt: isoInstant,
    receivedAt: isoInstant,
    sourceUnit: shortText(100),
    sourcePerson: shortText(50),
    sourcePhone: shortText(40),
    involvedUnit: shortText(100),
    place: requiredText(200),
    district: shortText(50),
    category: z.enum(CATEGORIES),
    subtype: shortText(30),
    level: z.enum(LEVELS),
    sensitive: z.boolean(),
    casualties: casualtiesSchema,
    /** 万元; null while unknown. */
    economicLoss: z.number().min(0).max(100_000_000).nullable(),
    /**
     * "正在核实": the loss is being verified — an explicit answer an initial or follow-up report may carry
     * (order 493 asks for an initial estimate); a final report needs a figure. Dropped once a figure is in.
     */
    lossVerifying: z.boolean().optional(),
    summary: requiredText(5000),
    cause: shortText(2000),
    measures: shortText(5000),
    leadersNotified: shortText(500),
  })
  .strict();
export type IncidentFacts = z.infer<typeof incidentFactsSchema>;

export const incidentCreateSchema = incidentFactsSchema;
export type IncidentCreate = z.input<typeof incidentCreateSchema>;

export const incidentAmendSchema = z
  .object({
    id: z.number().int().positive(),
    /** Optimistic concurrency: the version the officer was looking at. */
    expectedVersion: z.number().int().positive(),
    reason: requiredText(500),
    changes: incidentFactsSchema.partial().strict(),
  })
  .strict();

export const incidentVoidSchema = z
  .object({ id: z.number().int().positive(), expectedVersion: z.number().int().positive(), reason: requiredText(500) })
  .strict();

export const idSchema = z.object({ id: z.number().int().positive() }).strict();

export interface Incident extends IncidentFacts {
  id: number;
  /** Human number per year, e.g. 2026-0007. */
  number: string;
  status: IncidentStatus;
  version: number;
  voidReason: string | null;
  /** Set when a casualty change after the final report needs a supplementary report (补报). */
  supplementaryDueFrom: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface IncidentVersion {
  version: number;
  at: string;
  by: string;
  reason: string | null;
  kind: 'created' | 'amended' | 'voided' | 'status';
  /** Field paths that changed against the previous version, with before/after values. */
  changes: { field: string; before: unknown; after: unknown }[];
  /** Level suggested by the grading rule at this version (logged next to the officer's choice). */
  suggestedLevel: Level | null;
}

/** The facts alone, without identity and status: what a report snapshots and a form edits. */
export function incidentFacts(inc: Incident): IncidentFacts {
  const {
    id: _id,
    number: _n,
    status: _s,
    version: _v,
    voidReason: _vr,
    supplementaryDueFrom: _sd,
    createdAt: _ca,
    createdBy: _cb,
    updatedAt: _ua,
    updatedBy: _ub,
    ...facts
  } = inc;
  return facts;
}
