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
/** `phone`: the phone report, one act with the outgoing call that made it (not a written report). */
export type ReportKind = 'phone' | 'initial' | 'followup' | 'final' | 'supplementary';
export type ReportChannel = 'phone' | 'fax' | 'edoc' | 'sms';
export const WRITTEN_CHANNELS: readonly ReportChannel[] = ['fax', 'edoc'];

export interface DeadlineInput {
  receivedAt: string;
  level: Level;
  sensitive: boolean;
  status: IncidentStatus;
  supplementaryDueFrom: string | null;
  /**
   * The grade (and sensitivity) the incident had from each moment on, oldest first; the first entry is
   * the grade it was logged with. Absent: the current grade applied throughout.
   */
  history?: { at: string; level: Level; sensitive: boolean }[];
  reports: { kind: ReportKind; status: 'draft' | 'sent'; channel: ReportChannel | null; sentAt: string | null }[];
}

export interface Deadline {
  kind: DeadlineKind;
  startAt: string;
  dueAt: string;
  /** When it was met; null while still open. */
  doneAt: string | null;
  /**
   * Set when raising the grade would have put the due time before the raise itself: the deadline is due
   * from that moment ("due now"), never back-dated.
   */
  dueFromChange?: string;
}

export type DeadlineState = 'on_time' | 'due_soon' | 'overdue' | 'done' | 'done_late';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Milliseconds left (negative when overdue); for done ones, how early (+) or late (−) it was met. */
  remainingMs: number;
}
