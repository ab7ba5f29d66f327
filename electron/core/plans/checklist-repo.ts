import { AppError } from '../contract/errors';
import type { Activation } from '../contract/plans';
import { localDateTime } from '../domain';
import type { CoreContext } from '../context';
import { getSettings } from '../settings/settings-repo';
import { activationRow, readActivation } from './activation-read';
import { orderTime } from './activation-repo';

type MarkKind = 'done' | 'na' | 'note';

/**
 * Adds one immutable mark to a checklist item. The check for an earlier tick runs inside the same
 * transaction as the insert (and a unique index backs it up), so of two officers ticking at once the
 * second is told who was first and when.
 */
async function addMark(
  ctx: CoreContext,
  itemId: number,
  kind: MarkKind,
  m: { by?: string; at?: string; text: string },
): Promise<Activation> {
  const activationId = await ctx.tx(async (ctx) => {
    const item = (await ctx.sql.get('SELECT id, activation_id FROM checklist_items WHERE id = ?', [itemId])) as
      { id: number; activation_id: number } | undefined;
    if (!item) throw new AppError('not_found', { entity: 'checklist_item', id: itemId });
    const activation = await activationRow(ctx, item.activation_id);
    if (activation.status === 'terminated') throw new AppError('checklist.terminated');
    if (kind !== 'note') {
      const closed = (await ctx.sql.get(
        "SELECT by, at FROM checklist_marks WHERE item_id = ? AND kind IN ('done','na')",
        [itemId],
      )) as { by: string; at: string } | undefined;
      if (closed)
        throw new AppError('checklist.already_done', {
          by: closed.by,
          at: localDateTime(closed.at, (await getSettings(ctx)).timeZone),
        });
    }
    const at = orderTime(ctx, m.at, activation.activated_at);
    const info = await ctx.sql.insert(
      `INSERT INTO checklist_marks (item_id, kind, at, by, recorded_by, text, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [itemId, kind, at, m.by ?? (await ctx.actor()), await ctx.actor(), m.text, ctx.clock.now().toISOString()],
    );
    await ctx.audit.appendRow(await ctx.actor(), `checklist.${kind}`, 'checklist_marks', Number(info));
    return activation.id;
  });
  return await readActivation(ctx, activationId);
}

export const tickItem = (ctx: CoreContext, i: { itemId: number; by?: string; at?: string; note: string }) =>
  addMark(ctx, i.itemId, 'done', { by: i.by, at: i.at, text: i.note });

export const markNotApplicable = (ctx: CoreContext, i: { itemId: number; reason: string; by?: string }) =>
  addMark(ctx, i.itemId, 'na', { by: i.by, text: i.reason });

export const noteItem = (ctx: CoreContext, i: { itemId: number; text: string }) =>
  addMark(ctx, i.itemId, 'note', { text: i.text });
