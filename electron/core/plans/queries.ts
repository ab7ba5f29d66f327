import type { ActiveResponse, ActiveResponseRow } from '../contract/plans';
import { checklistItemStatus } from '../domain';
import type { CoreContext } from '../context';
import { readActivation } from './activation-read';

/**
 * Every response not yet terminated, with its overdue items (those of the current level not done or
 * marked not applicable, past their time limit). The handover drafts its "active plan responses" from this.
 */
export async function activeResponses(ctx: CoreContext, now: Date): Promise<ActiveResponse[]> {
  return (await activeResponseRows(ctx, now)).map(
    ({ activationId, incidentId, planName, level, activatedAt, overdueItems }): ActiveResponse => ({
      activationId,
      incidentId,
      planName,
      level,
      activatedAt,
      overdueItems,
    }),
  );
}

/** The same, with what the Plans area shows beside each: the incident and the open items. */
export async function activeResponseRows(ctx: CoreContext, now: Date): Promise<ActiveResponseRow[]> {
  const ids = (await ctx.sql.column(
    "SELECT id FROM activations WHERE status = 'active' ORDER BY activated_at, id",
  )) as number[];
  return await Promise.all(
    ids.map(async (id) => {
      const a = await readActivation(ctx, id);
      const open = a.items
        .map((item) => ({ item, state: checklistItemStatus(item, now).state }))
        .filter((x) => x.state === 'pending' || x.state === 'due_soon' || x.state === 'overdue');
      const overdue = open.filter((x) => x.state === 'overdue').map((x) => x.item);
      const next = open.map((x) => x.item.dueAt).sort()[0] ?? null;
      const coming = open
        .filter((x) => x.state !== 'overdue')
        .map((x) => x.item)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
      return {
        activationId: a.id,
        incidentId: a.incidentId,
        incidentNumber: a.incidentNumber,
        incidentTitle: a.incidentTitle,
        planName: a.planName,
        level: a.level,
        activatedAt: a.activatedAt,
        overdueItems: overdue.map((i) => ({ itemId: i.id, action: i.action, dueAt: i.dueAt })),
        openItems: open.length,
        nextDueAt: next,
        nextItem: coming
          ? { itemId: coming.id, action: coming.action, startAt: coming.startAt, dueAt: coming.dueAt }
          : null,
      };
    }),
  );
}
