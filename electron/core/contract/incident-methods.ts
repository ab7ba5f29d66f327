import { z } from 'zod';
import { method } from './define';
import { none } from './app';
import {
  CATEGORIES,
  INCIDENT_STATUSES,
  LEVELS,
  idSchema,
  incidentAmendSchema,
  incidentCreateSchema,
  incidentVoidSchema,
  isoInstant,
  type Casualties,
  type Category,
  type Incident,
  type IncidentStatus,
  type IncidentVersion,
  type Level,
} from './incidents';
import {
  deadlineRuleSetSchema,
  type Deadline,
  type DeadlineKind,
  type DeadlineState,
  type StoredDeadlineRuleSet,
} from './deadlines';
import { parseMessageSchema, type ParsedMessage } from './message-parse';
import { reportDraftSchema, reportSendSchema, reportUpdateSchema, type Report } from './reports';
import {
  callCreateSchema,
  callLinkSchema,
  callListSchema,
  instructionActionSchema,
  instructionCreateSchema,
  type Call,
  type Instruction,
  type PendingInstruction,
} from './log-entries';

export const incidentListSchema = z
  .object({
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    category: z.enum(CATEGORIES).optional(),
    level: z.enum(LEVELS).optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    district: z.string().trim().max(50).optional(),
    q: z.string().trim().max(200).optional(),
    /** Opaque keyset cursor from the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type IncidentListQuery = z.input<typeof incidentListSchema>;

export interface IncidentListItem {
  id: number;
  number: string;
  title: string;
  place: string;
  district: string;
  category: Category;
  subtype: string;
  level: Level;
  status: IncidentStatus;
  receivedAt: string;
  casualties: Casualties;
  deadlines: Deadline[];
}

/** Totals are exact up to here; beyond it the list says "10,000+" (counting every match delays the page). */
export const TOTAL_CAP = 10_000;

export interface IncidentPage {
  items: IncidentListItem[];
  nextCursor: string | null;
  /** Exact up to TOTAL_CAP; TOTAL_CAP when there are more (then totalCapped). */
  total: number;
  totalCapped: boolean;
}

export interface TimelineEntry {
  at: string;
  /** i18n key under timeline.kind. */
  kind: string;
  title: string;
  /** The flat field paths an amendment changed (`casualties.deaths`…), for the UI to name in its language. */
  fields?: string[];
  detail: string;
  by: string;
  refId: number | null;
  /** A report entry's number in its chain (续报二 → 2): the UI names the report in its own language. */
  seq?: number;
}

export interface IncidentDetail {
  incident: Incident;
  versions: IncidentVersion[];
  reports: Report[];
  instructions: Instruction[];
  calls: Call[];
  deadlines: Deadline[];
  timeline: TimelineEntry[];
}

export interface OpenDeadline extends Deadline {
  /** State when the list was made; the UI recomputes it every second. */
  state: DeadlineState;
  incidentId: number;
  incidentNumber: string;
  incidentTitle: string;
  level: Level;
}

/** An open incident nothing has happened to for STALE_AFTER_DAYS: offered for closing (终报) or voiding. */
export interface StaleIncident {
  id: number;
  number: string;
  title: string;
  level: Level;
  receivedAt: string;
  lastActivityAt: string;
}

export const STALE_AFTER_DAYS = 30;
/** Deadlines and stale incidents listed on the home screen; the counts cover all of them. */
export const SUMMARY_LIMIT = 200;

/** What the home screen (Now) and the navbar counts show, asked once for both. */
export interface DeadlineSummary {
  /** When it was computed; the UI recomputes each deadline's state every second from its times. */
  at: string;
  /** Unmet deadlines of incidents active within STALE_AFTER_DAYS, most urgent first (≤ SUMMARY_LIMIT). */
  deadlines: OpenDeadline[];
  counts: {
    overdue: number;
    dueSoon: number;
    /** Open incidents active within STALE_AFTER_DAYS. */
    openIncidents: number;
    /** Exact up to TOTAL_CAP, then staleCapped. */
    stale: number;
    staleCapped: boolean;
  };
  /** Quietest first (≤ SUMMARY_LIMIT). */
  stale: StaleIncident[];
  staleAfterDays: number;
}

export const searchSchema = z
  .object({ q: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100).default(30) })
  .strict();
export interface SearchHit {
  kind: 'incident' | 'report' | 'instruction' | 'call';
  refId: number;
  incidentId: number | null;
  title: string;
  snippet: string;
  at: string;
}

export const incidentMethods = {
  'incidents.create': method<Incident>()(incidentCreateSchema),
  /** 立为事件: creates the incident and links the call it came from, in one transaction. */
  'incidents.createFromCall': method<Incident>()(
    incidentCreateSchema.extend({ callId: z.number().int().positive() }).strict(),
  ),
  'incidents.amend': method<Incident>()(incidentAmendSchema),
  'incidents.void': method<Incident>()(incidentVoidSchema),
  'incidents.get': method<IncidentDetail>()(idSchema),
  'incidents.list': method<IncidentPage>()(incidentListSchema),
  /** Reads a pasted notice/SMS/phone note into incident fields with their spans; stores nothing. */
  'incidents.parseMessage': method<ParsedMessage>()(parseMessageSchema),
  'reports.draft': method<Report>()(reportDraftSchema),
  'reports.update': method<Report>()(reportUpdateSchema),
  'reports.send': method<Report>()(reportSendSchema),
  'calls.create': method<Call>()(callCreateSchema),
  'calls.list': method<Call[]>()(callListSchema),
  'calls.link': method<Call>()(callLinkSchema),
  'instructions.create': method<Instruction>()(instructionCreateSchema),
  'instructions.addAction': method<Instruction>()(instructionActionSchema),
  /** 批示 not yet relayed or awaiting 反馈, given within STALE_AFTER_DAYS, oldest first (≤ SUMMARY_LIMIT). */
  'instructions.pending': method<PendingInstruction[]>()(none),
  'deadlines.rules': method<StoredDeadlineRuleSet>()(none),
  'deadlines.updateRules': method<StoredDeadlineRuleSet>()(deadlineRuleSetSchema),
  'deadlines.open': method<OpenDeadline[]>()(none),
  'deadlines.summary': method<DeadlineSummary>()(none),
  'search.query': method<SearchHit[]>()(searchSchema),
};

export type { DeadlineKind };
