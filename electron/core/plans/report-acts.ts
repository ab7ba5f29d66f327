import { SATISFYING_ACTS, type SatisfyingAct } from '../contract/plans';
import { reportName } from '../contract/field-labels';
import { localDateTime } from '../domain';
import type { CoreContext } from '../context';
import { getSettings } from '../settings/settings-repo';
import { planVersionDoc } from './plan-repo';

interface ActRow {
  id: number;
  kind: SatisfyingAct;
  seq: number;
  sent_at: string;
  call_id: number | null;
}

/**
 * Ticks the open checklist items of an incident's running responses whose plan says they are done by a
 * reporting act (`satisfiedBy`) that has happened: the phone report, the 初报, a 续报, the 终报. The tick
 * carries the act's time (not before the item's level was activated) and a reference to the call or
 * report. Run after each act and after each activation or level change, so the order does not matter;
 * an item already closed is left alone. The caller holds the transaction.
 */
export async function applyReportActs(ctx: CoreContext, incidentId: number): Promise<void> {
  const acts = (await ctx.sql.all(
    `SELECT * FROM reports
       WHERE incident_id = ? AND status = 'sent' AND kind IN (${SATISFYING_ACTS.map(() => '?').join(',')})
       ORDER BY sent_at, id`,
    [incidentId, ...SATISFYING_ACTS],
  )) as ActRow[];
  if (!acts.length) return;
  // A database from before the plans step (opened by a migration check) has no responses to tick.
  if (!(await ctx.sql.get(ctx.sql.dialect.tableExists, ['activations']))) return;
  const activations = (await ctx.sql.all(
    "SELECT id, plan_id, plan_version FROM activations WHERE incident_id = ? AND status = 'active'",
    [incidentId],
  )) as { id: number; plan_id: number; plan_version: number }[];
  const tz = (await getSettings(ctx)).timeZone;
  const openItems = `SELECT id, item_key, start_at FROM checklist_items i WHERE activation_id = ? AND NOT EXISTS
       (SELECT 1 FROM checklist_marks m WHERE m.item_id = i.id AND m.kind IN ('done','na'))`;
  const insert = `INSERT INTO checklist_marks (item_id, kind, at, by, recorded_by, text, created_at)
    VALUES (?, 'done', ?, ?, ?, ?, ?)`;
  const actor = await ctx.actor();
  for (const a of activations) {
    const doc = await planVersionDoc(ctx, a.plan_id, a.plan_version);
    const actOf = new Map<string, SatisfyingAct>();
    for (const items of Object.values(doc.levels))
      for (const item of items) if (item.satisfiedBy) actOf.set(item.id, item.satisfiedBy);
    for (const item of await ctx.sql.all<{ id: number; item_key: string; start_at: string }>(openItems, [a.id])) {
      const kind = actOf.get(item.item_key);
      const act = kind && acts.find((x) => x.kind === kind);
      if (!act) continue;
      const at = Date.parse(act.sent_at) < Date.parse(item.start_at) ? item.start_at : act.sent_at;
      const ref = act.call_id != null ? `通话记录 #${act.call_id}` : `报告 #${act.id}`;
      const text = `${reportName(act.kind, act.seq)}已于${localDateTime(act.sent_at, tz)}报送（${ref}）`;
      const id = await ctx.sql.insert(insert, [item.id, at, actor, actor, text, ctx.clock.now().toISOString()]);
      await ctx.audit.appendRow(actor, 'checklist.done', 'checklist_marks', id);
    }
  }
}
