import { AppError } from '../contract/errors';
import type { EquipmentStatus, Handover, HandoverSummary, ShiftName } from '../contract';
import type { handoverSaveSchema } from '../contract/handover';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { onDutyFor } from '../roster/duty-now';
import { brief, checkPin, findPerson, getPerson } from '../roster/people-repo';
import { getRosterConfig, nextShift, shiftAt, shiftsOfDay, type ShiftInstance } from '../roster/shifts';
import { getSettings } from '../settings/settings-repo';
import { assembleHandoverLive } from './sources';

interface Row {
  id: number;
  date: string;
  shift: ShiftName;
  period_start: string;
  period_end: string;
  outgoing_person_id: number | null;
  incoming_person_id: number | null;
  leader_person_id: number | null;
  live: string;
  notices: string;
  equipment: string;
  notes: string;
  outgoing_signed_at: string | null;
  outgoing_signer: string | null;
  outgoing_audit_id: number | null;
  outgoing_audit_hash: string | null;
  incoming_signed_at: string | null;
  incoming_signer: string | null;
  incoming_audit_id: number | null;
  incoming_audit_hash: string | null;
  reviewed_at: string | null;
  reviewer: string | null;
  review_comment: string | null;
  created_at: string;
  created_by: string;
}

const NEW_EQUIPMENT: EquipmentStatus = {
  phone: 'unchecked',
  fax: 'unchecked',
  video: 'unchecked',
  satellite: 'unchecked',
  note: '',
};

async function personBrief(ctx: CoreContext, id: number | null) {
  const p = id ? await findPerson(ctx, id) : null;
  return p ? brief(p) : null;
}

/** The handover's stage from its signature and review columns (also read by the Now desk). */
export function status(r: Pick<Row, 'reviewed_at' | 'incoming_signed_at' | 'outgoing_signed_at'>): Handover['status'] {
  if (r.reviewed_at) return 'reviewed';
  if (r.incoming_signed_at) return 'signed';
  if (r.outgoing_signed_at) return 'outgoing_signed';
  return 'draft';
}

async function summary(ctx: CoreContext, r: Row): Promise<HandoverSummary> {
  return {
    id: r.id,
    date: r.date,
    shift: r.shift,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    outgoing: await personBrief(ctx, r.outgoing_person_id),
    incoming: await personBrief(ctx, r.incoming_person_id),
    leader: await personBrief(ctx, r.leader_person_id),
    status: status(r),
  };
}

async function toHandover(ctx: CoreContext, r: Row): Promise<Handover> {
  const sig = (at: string | null, name: string | null, auditId: number | null, auditHash: string | null) =>
    at && name && auditId && auditHash ? { at, name, auditId, auditHash } : null;
  return {
    ...(await summary(ctx, r)),
    live: JSON.parse(r.live) as Handover['live'],
    notices: r.notices,
    equipment: JSON.parse(r.equipment) as EquipmentStatus,
    notes: r.notes,
    outgoingSignature: sig(r.outgoing_signed_at, r.outgoing_signer, r.outgoing_audit_id, r.outgoing_audit_hash),
    incomingSignature: sig(r.incoming_signed_at, r.incoming_signer, r.incoming_audit_id, r.incoming_audit_hash),
    review: r.reviewed_at ? { at: r.reviewed_at, name: r.reviewer ?? '', comment: r.review_comment ?? '' } : null,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

async function row(ctx: CoreContext, id: number): Promise<Row> {
  const r = (await ctx.sql.get('SELECT * FROM handovers WHERE id = ?', [id])) as Row | undefined;
  if (!r) throw new AppError('handover.not_found', { id });
  return r;
}

export async function getHandover(ctx: CoreContext, id: number): Promise<Handover> {
  return toHandover(ctx, await row(ctx, id));
}

async function pickShift(ctx: CoreContext, date?: string, shift?: ShiftName): Promise<ShiftInstance> {
  const config = await getRosterConfig(ctx);
  if (!date) return await shiftAt(ctx, ctx.clock.now(), config);
  const shifts = shiftsOfDay(date, config, (await getSettings(ctx)).timeZone);
  return shifts.find((s) => s.shift === shift) ?? shifts[0]!;
}

/** Drafts the handover of a shift (default: the one in progress), or refreshes its live data while unsigned. */
export async function draftHandover(ctx: CoreContext, date?: string, shift?: ShiftName): Promise<Handover> {
  const s = await pickShift(ctx, date, shift);
  const existing = (await ctx.sql.get('SELECT * FROM handovers WHERE date = ? AND shift = ?', [s.date, s.shift])) as
    Row | undefined;
  if (existing?.outgoing_signed_at) return toHandover(ctx, existing);
  const now = ctx.clock.now().toISOString();
  const live = JSON.stringify(await assembleHandoverLive(ctx, ctx.clock.now()));
  const id = await ctx.tx(async (ctx) => {
    if (existing) {
      await ctx.sql.run('UPDATE handovers SET live = ?, updated_at = ? WHERE id = ?', [live, now, existing.id]);
      await ctx.audit.appendRow(await ctx.actor(), 'handover.refresh', 'handovers', existing.id);
      return existing.id;
    }
    const out = await onDutyFor(ctx, s);
    const incoming = await onDutyFor(ctx, await nextShift(ctx, s));
    const newId = Number(
      await ctx.sql.insert(
        `INSERT INTO handovers (date, shift, period_start, period_end, outgoing_person_id, incoming_person_id,
             leader_person_id, live, equipment, created_at, created_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          s.date,
          s.shift,
          s.start.toISOString(),
          s.end.toISOString(),
          out.lead[0]?.id ?? null,
          incoming.lead[0]?.id ?? null,
          out.leader[0]?.id ?? null,
          live,
          JSON.stringify(NEW_EQUIPMENT),
          now,
          await ctx.actor(),
          now,
        ],
      ),
    );
    await ctx.audit.appendRow(await ctx.actor(), 'handover.draft', 'handovers', newId);
    return newId;
  });
  return getHandover(ctx, id);
}

export async function saveHandover(ctx: CoreContext, input: z.output<typeof handoverSaveSchema>): Promise<Handover> {
  const r = await row(ctx, input.id);
  if (r.outgoing_signed_at) throw new AppError('handover.frozen');
  for (const pid of [input.outgoingPersonId, input.incomingPersonId]) if (pid) await getPerson(ctx, pid);
  const live = JSON.stringify(await assembleHandoverLive(ctx, ctx.clock.now()));
  await ctx.tx(async (ctx) => {
    await ctx.sql.run(
      `UPDATE handovers SET notices=?, equipment=?, notes=?, outgoing_person_id=?, incoming_person_id=?, live=?,
           updated_at=? WHERE id=?`,
      [
        input.notices,
        JSON.stringify(input.equipment),
        input.notes,
        input.outgoingPersonId,
        input.incomingPersonId,
        live,
        ctx.clock.now().toISOString(),
        input.id,
      ],
    );
    await ctx.audit.appendRow(await ctx.actor(), 'handover.save', 'handovers', input.id);
  });
  return getHandover(ctx, input.id);
}

/**
 * A signature is the named officer's own (their PIN when they have one), once, outgoing before incoming.
 * It stores the audit chain head so a later change to anything the handover covered is detectable.
 */
export async function signHandover(
  ctx: CoreContext,
  id: number,
  side: 'outgoing' | 'incoming',
  personId: number,
  pin?: string,
): Promise<Handover> {
  const r = await row(ctx, id);
  const expected = side === 'outgoing' ? r.outgoing_person_id : r.incoming_person_id;
  if (!r.outgoing_person_id || !r.incoming_person_id) throw new AppError('handover.missing_officer');
  if (r.outgoing_person_id === r.incoming_person_id)
    throw new AppError('validation', undefined, [{ path: 'incomingPersonId', code: 'same_person' }]);
  if ((side === 'outgoing' ? r.outgoing_signed_at : r.incoming_signed_at) !== null)
    throw new AppError('handover.already_signed');
  if (side === 'incoming' && !r.outgoing_signed_at) throw new AppError('handover.outgoing_first');
  const person = await getPerson(ctx, personId);
  if (expected !== personId)
    throw new AppError('handover.not_your_side', { name: person.name }, [{ path: 'personId', code: 'not_your_side' }]);
  await requirePin(ctx, person.name, personId, pin);
  await ctx.tx(async (ctx) => {
    const head = (await ctx.audit.head())!;
    await ctx.sql.run(
      `UPDATE handovers SET ${side}_signed_at=?, ${side}_signer=?, ${side}_audit_id=?, ${side}_audit_hash=?,
           updated_at=? WHERE id=?`,
      [ctx.clock.now().toISOString(), person.name, head.id, head.hash, ctx.clock.now().toISOString(), id],
    );
    await ctx.audit.appendRow(person.name, `handover.sign_${side}`, 'handovers', id);
  });
  return getHandover(ctx, id);
}

/**
 * A signature or review stands for the person only if they proved who they are: someone without a PIN
 * is told to set one (Roster → people) rather than signing on a name anyone could pick.
 */
async function requirePin(ctx: CoreContext, name: string, personId: number, pin: string | undefined): Promise<void> {
  if (!(await checkPin(ctx, personId, pin)))
    throw new AppError('handover.pin_not_set', { name }, [{ path: 'pin', code: 'pin_not_set' }]);
}

export async function reviewHandover(ctx: CoreContext, id: number, personId: number, comment: string, pin?: string) {
  const r = await row(ctx, id);
  if (r.reviewed_at) throw new AppError('handover.already_reviewed');
  if (!r.incoming_signed_at) throw new AppError('handover.not_signed');
  const person = await getPerson(ctx, personId);
  const isLeader = r.leader_person_id ? r.leader_person_id === personId : person.roles.includes('leader');
  if (!isLeader)
    throw new AppError('handover.not_leader', { name: person.name }, [{ path: 'personId', code: 'not_leader' }]);
  await requirePin(ctx, person.name, personId, pin);
  await ctx.tx(async (ctx) => {
    const now = ctx.clock.now().toISOString();
    await ctx.sql.run('UPDATE handovers SET reviewed_at=?, reviewer=?, review_comment=?, updated_at=? WHERE id=?', [
      now,
      person.name,
      comment,
      now,
      id,
    ]);
    await ctx.audit.appendRow(person.name, 'handover.review', 'handovers', id);
  });
  return getHandover(ctx, id);
}

/** Signed handovers awaiting the leader's review come first, then the newest. */
export async function listHandovers(ctx: CoreContext, query: string, limit: number): Promise<HandoverSummary[]> {
  const like = `%${query.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  // SQLite's LIKE ignores the case of Latin letters; PostgreSQL's needs ILIKE for the same search.
  const likeOp = ctx.sql.dialect.likeNoCase;
  const rows = (await ctx.sql.all(
    `SELECT h.* FROM handovers h
         LEFT JOIN people o ON o.id = h.outgoing_person_id LEFT JOIN people i ON i.id = h.incoming_person_id
       WHERE ? = '' OR h.date ${likeOp} ? ESCAPE '\\' OR h.notices ${likeOp} ? ESCAPE '\\' OR h.notes ${likeOp} ? ESCAPE '\\'
          OR h.live ${likeOp} ? ESCAPE '\\' OR h.review_comment ${likeOp} ? ESCAPE '\\'
          OR o.name ${likeOp} ? ESCAPE '\\' OR i.name ${likeOp} ? ESCAPE '\\'
       ORDER BY (h.incoming_signed_at IS NOT NULL AND h.reviewed_at IS NULL) DESC, h.period_start DESC
       LIMIT ?`,
    [query, like, like, like, like, like, like, like, limit],
  )) as Row[];
  return Promise.all(rows.map((r) => summary(ctx, r)));
}
