import { z } from 'zod';
import { method } from './define';
import { localDateSchema, monthSchema, pattern } from './calendar';

export { localDateSchema, monthSchema };

const none = z.object({}).strict();
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).default('');
const id = z.number().int().positive();

export const ROLES = ['leader', 'lead', 'second'] as const;
export type Role = (typeof ROLES)[number];
export const SHIFTS = ['full', 'day', 'night'] as const;
export type ShiftName = (typeof SHIFTS)[number];

const hhmm = pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');
const pin = pattern(/^\d{4,8}$/, 'invalid_pin');
/** New PINs are longer; existing 4- and 5-digit ones keep working (flagged `pinWeak` until changed). */
const newPin = pattern(/^\d{6,8}$/, 'invalid_new_pin');

// ---- people ----
export const personSaveSchema = z
  .object({
    id: id.optional(),
    name: text(40),
    unit: optText(60),
    title: optText(40),
    phones: z.array(z.string().trim().min(3).max(30)).max(5).default([]),
    roles: z.array(z.enum(ROLES)).min(1).max(3),
    active: z.boolean().default(true),
  })
  .strict();
export type PersonSave = z.input<typeof personSaveSchema>;

export interface Person {
  id: number;
  name: string;
  unit: string;
  title: string;
  phones: string[];
  roles: Role[];
  active: boolean;
  hasPin: boolean;
  /** Set before six digits were required: works, but should be changed. */
  pinWeak: boolean;
}
export type PersonBrief = Pick<Person, 'id' | 'name' | 'title' | 'phones'>;

// ---- shift model (kept in the settings table under `roster.config`) ----
export const shiftModelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('24h'), handoverTime: hhmm }).strict(),
  z
    .object({ kind: z.literal('day_night'), dayStart: hhmm, nightStart: hhmm })
    .strict()
    .refine((m) => m.dayStart < m.nightStart, { path: ['nightStart'], params: { code: 'night_before_day' } }),
]);
export type ShiftModel = z.infer<typeof shiftModelSchema>;

export const holidaySchema = z
  .object({ date: localDateSchema, name: text(30), reinforced: z.boolean().default(true) })
  .strict();
export const rosterConfigSchema = z
  .object({ shiftModel: shiftModelSchema, holidays: z.array(holidaySchema).max(200).default([]) })
  .strict()
  .refine((c) => new Set(c.holidays.map((h) => h.date)).size === c.holidays.length, {
    path: ['holidays'],
    params: { code: 'duplicate_holiday' },
  });
export type RosterConfig = z.infer<typeof rosterConfigSchema>;
export type Holiday = RosterConfig['holidays'][number];
export const DEFAULT_ROSTER_CONFIG: RosterConfig = {
  shiftModel: { kind: '24h', handoverTime: '08:30' },
  holidays: [],
};

// ---- roster ----
export const slotRefSchema = z
  .object({
    date: localDateSchema,
    shift: z.enum(SHIFTS),
    role: z.enum(ROLES),
    slot: z.number().int().min(0).max(3).default(0),
  })
  .strict();
export type SlotRef = z.output<typeof slotRefSchema>;

const reasonApprover = { reason: text(200), approver: text(40) };

export const generateSchema = z
  .object({
    month: monthSchema,
    rotations: z
      .object({
        leader: z.array(id).min(1).max(200),
        lead: z.array(id).min(1).max(200),
        second: z.array(id).min(1).max(200),
      })
      .strict(),
    unavailable: z
      .array(z.object({ personId: id, from: localDateSchema, to: localDateSchema }).strict())
      .max(200)
      .default([]),
    replace: z.boolean().default(false),
  })
  .strict();
export type GenerateInput = z.input<typeof generateSchema>;

export type ChangeKind = 'generate' | 'assign' | 'swap' | 'stand_in';
export interface RosterChange {
  id: number;
  kind: ChangeKind;
  date: string | null;
  summary: { from?: string | null; to?: string | null; otherDate?: string | null; role?: Role | null };
  reason: string;
  approver: string;
  at: string;
  by: string;
}

export interface RosterSlot {
  role: Role;
  slot: number;
  person: PersonBrief | null;
  /** How the slot got its person: generated, or by a recorded change. */
  source: 'generated' | 'assign' | 'swap' | 'stand_in' | null;
  changeId: number | null;
}
export interface RosterShift {
  shift: ShiftName;
  startsAt: string;
  endsAt: string;
  slots: RosterSlot[];
}
export interface RosterDay {
  date: string;
  weekday: number;
  holiday: Holiday | null;
  shifts: RosterShift[];
}
export type ConflictKind = 'empty_role' | 'double_booked' | 'lacks_role' | 'inactive';
export interface RosterConflict {
  kind: ConflictKind;
  date: string;
  shift: ShiftName;
  role: Role;
  slot: number;
  personName?: string;
}
export interface RosterMonth {
  month: string;
  config: RosterConfig;
  days: RosterDay[];
  conflicts: RosterConflict[];
  changes: RosterChange[];
}

export interface DutyNow {
  at: string;
  date: string;
  shift: ShiftName;
  startsAt: string;
  endsAt: string;
  leader: PersonBrief[];
  lead: PersonBrief[];
  second: PersonBrief[];
}

export interface OperatorSession {
  id: number;
  personId: number;
  name: string;
  since: string;
  pinVerified: boolean;
}

export const rosterMethods = {
  'people.list': method<Person[]>()(z.object({ includeInactive: z.boolean().default(false) }).strict()),
  'people.save': method<Person>()(personSaveSchema),
  'people.deactivate': method<Person>()(z.object({ id }).strict()),
  'people.delete': method<{ deleted: true }>()(z.object({ id }).strict()),
  'people.setPin': method<Person>()(
    // Changing or clearing an existing PIN needs that PIN, or a leader's reset proven with the leader's
    // own PIN: nobody resets a leader's PIN to sign as them.
    z
      .object({
        id,
        pin: newPin.nullable(),
        currentPin: pin.optional(),
        resetBy: z.object({ personId: id, pin }).strict().optional(),
      })
      .strict(),
  ),
  'roster.config': method<RosterConfig>()(none),
  'roster.saveConfig': method<RosterConfig>()(rosterConfigSchema),
  'roster.month': method<RosterMonth>()(z.object({ month: monthSchema }).strict()),
  'roster.generate': method<RosterMonth>()(generateSchema),
  'roster.assign': method<RosterMonth>()(
    // The approver is required when the edit replaces someone or gives a role the person does not hold.
    z.object({ at: slotRefSchema, personId: id.nullable(), reason: optText(200), approver: optText(40) }).strict(),
  ),
  'roster.swap': method<RosterMonth>()(z.object({ a: slotRefSchema, b: slotRefSchema, ...reasonApprover }).strict()),
  'roster.standIn': method<RosterMonth>()(z.object({ at: slotRefSchema, personId: id, ...reasonApprover }).strict()),
  'duty.now': method<DutyNow>()(none),
  'operator.current': method<{ session: OperatorSession | null }>()(none),
  'operator.switch': method<OperatorSession>()(z.object({ personId: id, pin: pin.optional() }).strict()),
};

export const ROSTER_ERROR_CODES = [
  'roster.person_rostered',
  'roster.person_inactive',
  'roster.person_not_found',
  'roster.month_not_empty',
  'roster.slot_empty',
  'roster.slot_not_in_model',
  'roster.same_person',
  'roster.rotation_unknown_person',
  'operator.bad_pin',
  'operator.pin_required',
] as const;
