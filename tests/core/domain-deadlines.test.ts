import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_RULES, type DeadlineInput } from '../../electron/core/contract';
import {
  computeDeadlines,
  deadlineStatus,
  localDate,
  localDateTime,
  fromLocalDateTime,
} from '../../electron/core/domain';

const rules = DEFAULT_DEADLINE_RULES.rules;
const base = (over: Partial<DeadlineInput> = {}): DeadlineInput => ({
  receivedAt: '2026-11-23T01:00:00.000Z',
  level: 'III',
  sensitive: false,
  status: 'open',
  supplementaryDueFrom: null,
  reports: [],
  ...over,
});
const at = (iso: string) => new Date(iso);
const find = (ds: ReturnType<typeof computeDeadlines>, kind: string) => ds.find((d) => d.kind === kind)!;

describe('deadlines', () => {
  it('starts the clock at received-at with the per-level defaults', () => {
    const ds = computeDeadlines(base(), rules);
    expect(find(ds, 'phone').dueAt).toBe('2026-11-23T01:30:00.000Z');
    expect(find(ds, 'written').dueAt).toBe('2026-11-23T03:00:00.000Z');
    expect(ds.find((d) => d.kind === 'followup')).toBeUndefined();
    expect(find(computeDeadlines(base({ level: 'IV' }), rules), 'written').dueAt).toBe('2026-11-23T05:00:00.000Z');
    expect(find(computeDeadlines(base({ level: 'I' }), rules), 'written').dueAt).toBe('2026-11-23T02:00:00.000Z');
  });

  it('runs unrated on the 一般 clock and sensitive incidents on the 重大 clock', () => {
    expect(find(computeDeadlines(base({ level: 'unrated' }), rules), 'phone').dueAt).toBe('2026-11-23T02:00:00.000Z');
    expect(find(computeDeadlines(base({ level: 'IV', sensitive: true }), rules), 'written').dueAt).toBe(
      '2026-11-23T02:00:00.000Z',
    );
  });

  it('turns amber at 25 % left and red when overdue, counting up', () => {
    const phone = find(computeDeadlines(base(), rules), 'phone'); // 30 min window
    expect(deadlineStatus(phone, at('2026-11-23T01:22:29Z')).state).toBe('on_time');
    expect(deadlineStatus(phone, at('2026-11-23T01:22:30Z')).state).toBe('due_soon');
    expect(deadlineStatus(phone, at('2026-11-23T01:30:00Z')).state).toBe('due_soon');
    const late = deadlineStatus(phone, at('2026-11-23T01:48:00Z'));
    expect(late).toEqual({ state: 'overdue', remainingMs: -18 * 60_000 });
  });

  it('is met by the first report sent; the written one only by fax or e-document', () => {
    const ds = computeDeadlines(
      base({ reports: [{ kind: 'initial', status: 'sent', channel: 'phone', sentAt: '2026-11-23T01:20:00.000Z' }] }),
      rules,
    );
    expect(find(ds, 'phone').doneAt).toBe('2026-11-23T01:20:00.000Z');
    expect(deadlineStatus(find(ds, 'phone'), at('2026-11-23T05:00:00Z')).state).toBe('done');
    expect(find(ds, 'written').doneAt).toBeNull();
    const late = computeDeadlines(
      base({ reports: [{ kind: 'initial', status: 'sent', channel: 'fax', sentAt: '2026-11-23T03:10:00.000Z' }] }),
      rules,
    );
    expect(deadlineStatus(find(late, 'written'), at('2026-11-23T04:00:00Z')).state).toBe('done_late');
  });

  it('ignores drafts', () => {
    const ds = computeDeadlines(
      base({ reports: [{ kind: 'initial', status: 'draft', channel: null, sentAt: null }] }),
      rules,
    );
    expect(find(ds, 'phone').doneAt).toBeNull();
  });

  it('asks for a follow-up every interval after the last report, until the final', () => {
    const sent = (kind: 'initial' | 'followup' | 'final', sentAt: string) => ({
      kind,
      status: 'sent' as const,
      channel: 'edoc' as const,
      sentAt,
    });
    let ds = computeDeadlines(base({ reports: [sent('initial', '2026-11-23T01:40:00.000Z')] }), rules);
    expect(find(ds, 'followup').dueAt).toBe('2026-11-23T13:40:00.000Z'); // 较大: 12 h
    ds = computeDeadlines(
      base({ reports: [sent('initial', '2026-11-23T01:40:00.000Z'), sent('followup', '2026-11-23T10:00:00.000Z')] }),
      rules,
    );
    expect(find(ds, 'followup').dueAt).toBe('2026-11-23T22:00:00.000Z');
    ds = computeDeadlines(
      base({ reports: [sent('initial', '2026-11-23T01:40:00.000Z'), sent('final', '2026-11-24T01:00:00.000Z')] }),
      rules,
    );
    expect(ds.find((d) => d.kind === 'followup')).toBeUndefined();
  });

  it('crosses local midnight: a 23:50 call has its phone deadline on the next local day', () => {
    // 23:50 Beijing = 15:50 UTC; the 1-hour 一般 phone deadline falls at 00:50 the next local day.
    const phone = find(computeDeadlines(base({ receivedAt: '2026-11-23T15:50:00.000Z', level: 'IV' }), rules), 'phone');
    expect(localDateTime(phone.dueAt, 'Asia/Shanghai')).toBe('2026-11-24 00:50');
    expect(localDate(phone.startAt, 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDate(phone.dueAt, 'UTC')).toBe('2026-11-23');
  });

  it('has no deadlines for a voided incident', () => {
    expect(computeDeadlines(base({ status: 'voided' }), rules)).toEqual([]);
  });
});

describe('local time helpers', () => {
  it('converts wall-clock time in the duty room zone to UTC and back', () => {
    expect(fromLocalDateTime('2026-11-24 00:10', 'Asia/Shanghai')).toBe('2026-11-23T16:10:00.000Z');
    expect(fromLocalDateTime('2026-12-31 23:59', 'Asia/Shanghai')).toBe('2026-12-31T15:59:00.000Z');
    expect(localDateTime('2026-12-31T16:00:00.000Z', 'Asia/Shanghai')).toBe('2027-01-01 00:00');
    expect(fromLocalDateTime('2026-02-30 10:00', 'Asia/Shanghai')).toBeNull();
    expect(fromLocalDateTime('yesterday', 'Asia/Shanghai')).toBeNull();
  });
});
