import type { ActivationEvent, PlanLevel } from '../contract/plans';
import { checklistItemStatus } from '../domain';
import type { CoreContext } from '../context';
import { readActivation } from '../plans/activation-read';
import { getSettings } from '../settings/settings-repo';
import type { ActivePlanLine } from './daily-sources';
import type { Period } from './issue-numbers';
import { cnTime, cnTimeAfter } from './wording';

const LEVEL_ROMAN: Record<PlanLevel, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };
/** Ⅰ is the highest response: a smaller index is a raise. */
const RANK: Record<PlanLevel, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * A response told as it happened: "13时50分，经常务副市长决定启动危险化学品事故应急预案Ⅲ级响应；14时30分，
 * 经市长决定提升为Ⅱ级响应；17时10分终止" — each event with its own time and order-giver, never the last
 * level as if it had been the first. Events after `until` are not told (a document shows its period).
 */
export function planHistoryText(planName: string, events: ActivationEvent[], until: string, tz: string): string {
  const told = events.filter((e) => e.at < until);
  let prev: string | null = null;
  const parts = told.map((e) => {
    const when: string = prev ? cnTimeAfter(e.at, prev, tz) : cnTime(e.at, tz);
    prev = e.at;
    const by = e.orderedBy ? `经${e.orderedBy}决定` : '';
    if (e.kind === 'activated') return `${when}，${by}启动${planName}${LEVEL_ROMAN[e.toLevel!]}级响应`;
    if (e.kind === 'level_changed') {
      const verb = RANK[e.toLevel!] < RANK[e.fromLevel!] ? '提升' : '降低';
      return `${when}，${by}${verb}为${LEVEL_ROMAN[e.toLevel!]}级响应`;
    }
    return `${when}终止`;
  });
  return parts.join('；');
}

async function activationIds(ctx: CoreContext, from: string, to: string, incidentId?: number): Promise<number[]> {
  return (await ctx.sql.column(
    `SELECT id FROM activations WHERE activated_at < ? AND (terminated_at IS NULL OR terminated_at >= ?)
       ${incidentId ? 'AND incident_id = ?' : ''} ORDER BY activated_at, id`,
    [to, from, ...(incidentId ? [incidentId] : [])],
  )) as number[];
}

/**
 * 应急预案启动情况: every response that was in force at some time in the period — also those terminated
 * since. The checklist is judged at the end of the period (or now, if that is earlier).
 */
export async function plansInPeriod(ctx: CoreContext, period: Period): Promise<ActivePlanLine[]> {
  const tz = (await getSettings(ctx)).timeZone;
  const at = new Date(Math.min(ctx.clock.now().getTime(), Date.parse(period.to)));
  return await Promise.all(
    (await activationIds(ctx, period.from, period.to)).map(async (id) => {
      const a = await readActivation(ctx, id);
      const items = a.items.filter((i) => i.inCurrentLevel);
      const states = items.map((i) => checklistItemStatus(i, at, a).state);
      const done = states.filter((s) => s === 'done' || s === 'done_late' || s === 'na').length;
      const overdue = states.filter((s) => s === 'overdue').length;
      const history = planHistoryText(a.planName, a.events, period.to, tz);
      const ongoing = a.terminatedAt && a.terminatedAt < period.to ? '' : '，响应持续中';
      return {
        incidentId: a.incidentId,
        text: `针对${a.incidentTitle}：${history}${ongoing}；处置事项已完成${done}项、共${items.length}项${
          overdue ? `，超时未完成${overdue}项` : ''
        }。`,
      };
    }),
  );
}

/** The responses of one incident up to `until` (a 专报's sent time), told as they happened. */
export async function incidentPlanHistory(ctx: CoreContext, incidentId: number, until: string): Promise<string[]> {
  const tz = (await getSettings(ctx)).timeZone;
  return await Promise.all(
    (await activationIds(ctx, '0000', until, incidentId)).map(async (id) => {
      const a = await readActivation(ctx, id);
      return planHistoryText(a.planName, a.events, until, tz);
    }),
  );
}

/** Each response event of one incident as its own dated line (处置进展 of an ongoing incident). */
export async function incidentPlanEvents(ctx: CoreContext, incidentId: number, until: string, tz: string) {
  return (
    await Promise.all(
      (await activationIds(ctx, '0000', until, incidentId)).map(async (id) => {
        const a = await readActivation(ctx, id);
        return a.events
          .filter((e) => e.at < until)
          .map((e) => ({
            at: e.at,
            text:
              e.kind === 'terminated'
                ? `${cnTime(e.at, tz)}，${a.planName}${e.orderedBy ? `经${e.orderedBy}决定` : ''}终止响应。`
                : `${planHistoryText(a.planName, [e], until, tz)}。`,
          }));
      }),
    )
  ).flat();
}
