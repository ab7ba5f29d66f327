import { AppError } from '../contract/errors';
import type {
  ChangeKind,
  Person,
  Role,
  RosterChange,
  RosterDay,
  RosterMonth,
  RosterSlot,
  ShiftName,
  SlotRef,
} from '../contract/roster';
import type { CoreContext } from '../context';
import { getSettings } from '../settings/settings-repo';
import { detectConflicts } from './conflicts';
import { brief, findPerson, getPerson } from './people-repo';
import { expectedSlots, getRosterConfig, shiftsOfDay } from './shifts';
import { monthDays, weekday } from './zone-time';

export interface AssignmentRow {
  id: number;
  date: string;
  shift: ShiftName;
  role: Role;
  slot: number;
  person_id: number | null;
  source: RosterSlot['source'];
  change_id: number | null;
}

export async function assignmentsBetween(ctx: CoreContext, from: string, to: string): Promise<AssignmentRow[]> {
  return (await ctx.sql.all(
    'SELECT * FROM roster_assignments WHERE date BETWEEN ? AND ? ORDER BY date, shift, role, slot',
    [from, to],
  )) as AssignmentRow[];
}

export async function findAssignment(ctx: CoreContext, at: SlotRef): Promise<AssignmentRow | undefined> {
  return (await ctx.sql.get('SELECT * FROM roster_assignments WHERE date = ? AND shift = ? AND role = ? AND slot = ?', [
    at.date,
    at.shift,
    at.role,
    at.slot,
  ])) as AssignmentRow | undefined;
}

/** Upserts one slot and records the row in the chain; the caller holds the transaction. */
export async function writeSlot(
  ctx: CoreContext,
  at: SlotRef,
  personId: number | null,
  source: AssignmentRow['source'],
  changeId: number | null,
): Promise<void> {
  const existing = await findAssignment(ctx, at);
  const now = ctx.clock.now().toISOString();
  let id: number;
  if (existing) {
    id = existing.id;
    await ctx.sql.run(
      'UPDATE roster_assignments SET person_id=?, source=?, change_id=?, updated_at=?, updated_by=? WHERE id=?',
      [personId, source, changeId, now, await ctx.actor(), id],
    );
  } else {
    id = Number(
      await ctx.sql.insert(
        `INSERT INTO roster_assignments (date, shift, role, slot, person_id, source, change_id, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [at.date, at.shift, at.role, at.slot, personId, source, changeId, now, await ctx.actor()],
      ),
    );
  }
  await ctx.audit.appendRow(await ctx.actor(), 'roster.slot', 'roster_assignments', id, { changeId });
}

export interface ChangeInput {
  kind: ChangeKind;
  month: string;
  date?: string | null;
  otherDate?: string | null;
  role?: Role | null;
  fromPersonId?: number | null;
  toPersonId?: number | null;
  reason?: string;
  approver?: string;
  detail?: object;
}

export async function recordChange(ctx: CoreContext, c: ChangeInput): Promise<number> {
  const id = Number(
    await ctx.sql.insert(
      `INSERT INTO roster_changes (kind, month, date, other_date, role, from_person_id, to_person_id,
           reason, approver, detail, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.kind,
        c.month,
        c.date ?? null,
        c.otherDate ?? null,
        c.role ?? null,
        c.fromPersonId ?? null,
        c.toPersonId ?? null,
        c.reason ?? '',
        c.approver ?? '',
        JSON.stringify(c.detail ?? {}),
        ctx.clock.now().toISOString(),
        await ctx.actor(),
      ],
    ),
  );
  await ctx.audit.appendRow(await ctx.actor(), `roster.${c.kind}`, 'roster_changes', id);
  return id;
}

async function changesOf(ctx: CoreContext, month: string): Promise<RosterChange[]> {
  const rows = (await ctx.sql.all(
    `SELECT c.*, f.name AS from_name, t.name AS to_name FROM roster_changes c
         LEFT JOIN people f ON f.id = c.from_person_id LEFT JOIN people t ON t.id = c.to_person_id
       WHERE c.month = ? OR substr(c.other_date, 1, 7) = ? ORDER BY c.id DESC`,
    [month, month],
  )) as Array<Record<string, string | number | null>>;
  return rows.map((r) => ({
    id: r.id as number,
    kind: r.kind as ChangeKind,
    date: r.date as string | null,
    summary: {
      from: r.from_name as string | null,
      to: r.to_name as string | null,
      otherDate: r.other_date as string | null,
      role: r.role as Role | null,
    },
    reason: r.reason as string,
    approver: r.approver as string,
    at: r.created_at as string,
    by: r.created_by as string,
  }));
}

export async function rosterMonth(ctx: CoreContext, month: string): Promise<RosterMonth> {
  const config = await getRosterConfig(ctx);
  const tz = (await getSettings(ctx)).timeZone;
  const dates = monthDays(month);
  const rows = await assignmentsBetween(ctx, dates[0]!, dates[dates.length - 1]!);
  const byKey = new Map(rows.map((r) => [`${r.date}|${r.shift}|${r.role}|${r.slot}`, r]));
  const people = new Map<number, Person | null>();
  const person = async (id: number) => {
    if (!people.has(id)) people.set(id, await findPerson(ctx, id));
    return people.get(id) ?? null;
  };
  const days: RosterDay[] = await Promise.all(
    dates.map(async (date) => ({
      date,
      weekday: weekday(date),
      holiday: config.holidays.find((h) => h.date === date) ?? null,
      shifts: await Promise.all(
        shiftsOfDay(date, config, tz).map(async (s) => ({
          shift: s.shift,
          startsAt: s.start.toISOString(),
          endsAt: s.end.toISOString(),
          slots: await Promise.all(
            expectedSlots(date, config).map(async ({ role, slot }) => {
              const r = byKey.get(`${date}|${s.shift}|${role}|${slot}`);
              const p = r?.person_id ? await person(r.person_id) : null;
              return {
                role,
                slot,
                person: p ? brief(p) : null,
                source: r?.source ?? null,
                changeId: r?.change_id ?? null,
              };
            }),
          ),
        })),
      ),
    })),
  );
  // Every person on the month is loaded above, so the conflict check looks them up without the database.
  const known = (id: number) => people.get(id) ?? null;
  return { month, config, days, conflicts: detectConflicts(days, known), changes: await changesOf(ctx, month) };
}

/** Refuses slots that the current shift model does not have (e.g. a 'night' slot under 24 h shifts). */
export async function checkSlot(ctx: CoreContext, at: SlotRef): Promise<void> {
  const config = await getRosterConfig(ctx);
  const okShift = config.shiftModel.kind === '24h' ? at.shift === 'full' : at.shift !== 'full';
  const okSlot = expectedSlots(at.date, config).some((s) => s.role === at.role && s.slot === at.slot);
  if (!okShift || !okSlot) throw new AppError('roster.slot_not_in_model', { date: at.date });
}

export async function activePerson(ctx: CoreContext, id: number): Promise<Person> {
  const p = await getPerson(ctx, id);
  if (!p.active) throw new AppError('roster.person_inactive', { name: p.name });
  return p;
}
