import { AppError, type FieldIssue } from '../contract/errors';
import { handEditApproval } from '../domain';
import type { SlotRef } from '../contract/roster';
import type { CoreContext } from '../context';
import { activePerson, checkSlot, findAssignment, recordChange, writeSlot } from './roster-repo';

async function occupant(ctx: CoreContext, at: SlotRef): Promise<number> {
  const row = await findAssignment(ctx, at);
  if (!row?.person_id) throw new AppError('roster.slot_empty', { date: at.date });
  return row.person_id;
}

/**
 * A hand edit by the director, recorded as a change. Filling an empty slot with someone who holds the
 * role needs nothing more; putting someone in a role they do not hold, or replacing or clearing the
 * rostered person, needs a reason and an approver like a swap or a stand-in.
 */
export async function assign(
  ctx: CoreContext,
  at: SlotRef,
  personId: number | null,
  reason: string,
  approver: string,
): Promise<void> {
  await checkSlot(ctx, at);
  const person = personId !== null ? await activePerson(ctx, personId) : null;
  const from = (await findAssignment(ctx, at))?.person_id ?? null;
  if (from === personId) return;
  const why = handEditApproval(at.role, from, person);
  if (why) {
    const issues: FieldIssue[] = [];
    if (!reason) issues.push({ path: 'reason', code: `approval_${why}` });
    if (!approver) issues.push({ path: 'approver', code: `approval_${why}` });
    if (issues.length) throw new AppError('validation', undefined, issues);
  }
  await ctx.tx(async (ctx) => {
    const changeId = await recordChange(ctx, {
      kind: 'assign',
      month: at.date.slice(0, 7),
      date: at.date,
      role: at.role,
      fromPersonId: from,
      toPersonId: personId,
      reason,
      approver,
      detail: { at },
    });
    await writeSlot(ctx, at, personId, personId === null ? null : 'assign', changeId);
  });
}

/** 换班: two rostered people exchange their slots; both slots point at the same change. */
export async function swap(ctx: CoreContext, a: SlotRef, b: SlotRef, reason: string, approver: string): Promise<void> {
  await checkSlot(ctx, a);
  await checkSlot(ctx, b);
  const pa = await occupant(ctx, a);
  const pb = await occupant(ctx, b);
  if (pa === pb) throw new AppError('roster.same_person');
  await activePerson(ctx, pa);
  await activePerson(ctx, pb);
  await ctx.tx(async (ctx) => {
    const changeId = await recordChange(ctx, {
      kind: 'swap',
      month: a.date.slice(0, 7),
      date: a.date,
      otherDate: b.date,
      role: a.role,
      fromPersonId: pa,
      toPersonId: pb,
      reason,
      approver,
      detail: { a, b },
    });
    await writeSlot(ctx, a, pb, 'swap', changeId);
    await writeSlot(ctx, b, pa, 'swap', changeId);
  });
}

/** 替班: someone takes one rostered person's slot; the original person is kept in the change. */
export async function standIn(
  ctx: CoreContext,
  at: SlotRef,
  personId: number,
  reason: string,
  approver: string,
): Promise<void> {
  await checkSlot(ctx, at);
  const from = await occupant(ctx, at);
  if (from === personId) throw new AppError('roster.same_person');
  await activePerson(ctx, personId);
  await ctx.tx(async (ctx) => {
    const changeId = await recordChange(ctx, {
      kind: 'stand_in',
      month: at.date.slice(0, 7),
      date: at.date,
      role: at.role,
      fromPersonId: from,
      toPersonId: personId,
      reason,
      approver,
      detail: { at },
    });
    await writeSlot(ctx, at, personId, 'stand_in', changeId);
  });
}
