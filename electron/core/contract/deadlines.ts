import { z } from 'zod';
import type { IncidentStatus, Level } from './incidents';

export const RULE_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 30);
export const deadlineRuleSchema = z
  .object({ phoneMinutes: minutes, writtenMinutes: minutes, followupMinutes: minutes })
  .strict()
  .refine((r) => r.writtenMinutes >= r.phoneMinutes, {
    params: { code: 'written_before_phone' },
    path: ['writtenMinutes'],
  });
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const deadlineRuleSetSchema = z
  .object({
    /** Where the figures come from (a provincial rule, a city notice…); local rules differ widely. */
    source: z.string().trim().min(1).max(300),
    rules: z
      .object({ I: deadlineRuleSchema, II: deadlineRuleSchema, III: deadlineRuleSchema, IV: deadlineRuleSchema })
      .strict(),
  })
  .strict();
export type DeadlineRuleSet = z.infer<typeof deadlineRuleSetSchema>;

export interface StoredDeadlineRuleSet extends DeadlineRuleSet {
  version: number;
  createdAt: string;
  createdBy: string;
}

/** domain.md defaults; the national baseline is 30 min by phone and 1 h in writing for 重特大 events. */
export const DEFAULT_DEADLINE_RULES: DeadlineRuleSet = {
  source: '默认：国务院应急办 2015 年基线（重特大 30 分钟电话、1 小时书面），较大/一般按本地常用时限',
  rules: {
    I: { phoneMinutes: 30, writtenMinutes: 60, followupMinutes: 240 },
    II: { phoneMinutes: 30, writtenMinutes: 60, followupMinutes: 240 },
    III: { phoneMinutes: 30, writtenMinutes: 120, followupMinutes: 720 },
    IV: { phoneMinutes: 60, writtenMinutes: 240, followupMinutes: 1440 },
  },
};

export const DEADLINE_KINDS = ['phone', 'written', 'followup', 'supplementary'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type ReportKind = 'initial' | 'followup' | 'final' | 'supplementary';
export type ReportChannel = 'phone' | 'fax' | 'edoc' | 'sms';
export const WRITTEN_CHANNELS: readonly ReportChannel[] = ['fax', 'edoc'];

export interface DeadlineInput {
  receivedAt: string;
  level: Level;
  sensitive: boolean;
  status: IncidentStatus;
  supplementaryDueFrom: string | null;
  reports: { kind: ReportKind; status: 'draft' | 'sent'; channel: ReportChannel | null; sentAt: string | null }[];
}

export interface Deadline {
  kind: DeadlineKind;
  startAt: string;
  dueAt: string;
  /** When it was met; null while still open. */
  doneAt: string | null;
}

const MIN = 60_000;
const plus = (iso: string, minutesToAdd: number) => new Date(Date.parse(iso) + minutesToAdd * MIN).toISOString();

/** Unrated incidents run on the 一般 clock; sensitive ones on the strictest of their level and 重大. */
export function effectiveRule(rules: DeadlineRuleSet['rules'], level: Level, sensitive: boolean): DeadlineRule {
  const base = rules[level === 'unrated' ? 'IV' : level];
  if (!sensitive) return base;
  const strict = rules.II;
  return {
    phoneMinutes: Math.min(base.phoneMinutes, strict.phoneMinutes),
    writtenMinutes: Math.min(base.writtenMinutes, strict.writtenMinutes),
    followupMinutes: Math.min(base.followupMinutes, strict.followupMinutes),
  };
}

/**
 * Every deadline of one incident, met or not. The clock starts at received-at: the phone report is met
 * by the first report sent by any channel, the written one by the first sent by fax or e-document;
 * after the initial report a follow-up is due every interval from the last report sent, until the
 * final; a casualty change after the final report opens a supplementary report (补报).
 */
export function computeDeadlines(input: DeadlineInput, rules: DeadlineRuleSet['rules']): Deadline[] {
  if (input.status === 'voided') return [];
  const rule = effectiveRule(rules, input.level, input.sensitive);
  const sent = input.reports
    .filter((r) => r.status === 'sent' && r.sentAt)
    .sort((a, b) => Date.parse(a.sentAt!) - Date.parse(b.sentAt!));
  const firstSent = sent[0]?.sentAt ?? null;
  const firstWritten = sent.find((r) => r.channel && WRITTEN_CHANNELS.includes(r.channel))?.sentAt ?? null;
  const out: Deadline[] = [
    { kind: 'phone', startAt: input.receivedAt, dueAt: plus(input.receivedAt, rule.phoneMinutes), doneAt: firstSent },
    {
      kind: 'written',
      startAt: input.receivedAt,
      dueAt: plus(input.receivedAt, rule.writtenMinutes),
      doneAt: firstWritten,
    },
  ];
  const finalSent = sent.find((r) => r.kind === 'final');
  const initialSent = sent.find((r) => r.kind === 'initial');
  if (initialSent && !finalSent && input.status === 'open') {
    const last = sent[sent.length - 1]!.sentAt!;
    out.push({ kind: 'followup', startAt: last, dueAt: plus(last, rule.followupMinutes), doneAt: null });
  }
  if (input.supplementaryDueFrom) {
    const from = input.supplementaryDueFrom;
    const done = sent.find((r) => r.kind === 'supplementary' && Date.parse(r.sentAt!) >= Date.parse(from));
    out.push({
      kind: 'supplementary',
      startAt: from,
      dueAt: plus(from, rule.writtenMinutes),
      doneAt: done?.sentAt ?? null,
    });
  }
  return out;
}

export type DeadlineState = 'on_time' | 'due_soon' | 'overdue' | 'done' | 'done_late';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Milliseconds left (negative when overdue); for done ones, how early (+) or late (−) it was met. */
  remainingMs: number;
}

/** Amber at 25 % of the window left, red once past due. */
export function deadlineStatus(d: Pick<Deadline, 'startAt' | 'dueAt' | 'doneAt'>, now: Date): DeadlineStatus {
  const due = Date.parse(d.dueAt);
  if (d.doneAt) {
    const margin = due - Date.parse(d.doneAt);
    return { state: margin >= 0 ? 'done' : 'done_late', remainingMs: margin };
  }
  const remainingMs = due - now.getTime();
  if (remainingMs < 0) return { state: 'overdue', remainingMs };
  const windowMs = due - Date.parse(d.startAt);
  return { state: remainingMs <= windowMs * 0.25 ? 'due_soon' : 'on_time', remainingMs };
}

const URGENCY: Record<DeadlineState, number> = { overdue: 0, due_soon: 1, on_time: 2, done_late: 3, done: 4 };

/** Overdue first, then by how soon they fall due. */
export function compareByUrgency(
  a: { status: DeadlineStatus; dueAt: string },
  b: { status: DeadlineStatus; dueAt: string },
) {
  return URGENCY[a.status.state] - URGENCY[b.status.state] || Date.parse(a.dueAt) - Date.parse(b.dueAt);
}
