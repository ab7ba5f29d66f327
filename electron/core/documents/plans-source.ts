import { type PlanLevel } from '../contract/plans';
import { checklistItemStatus } from '../domain';
import type { CoreContext } from '../context';
import { readActivation } from '../plans/activation-read';
import { getSettings } from '../settings/settings-repo';
import type { ActivePlanLine } from './daily-sources';
import type { Period } from './issue-numbers';
import { cnTime } from './wording';

const LEVEL_ROMAN: Record<PlanLevel, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };

/**
 * 应急预案启动情况: every response that was in force at some time in the period — also those terminated
 * since, which `activeResponses` (live ones only) would miss for a past day. The checklist is judged at
 * the end of the period (or now, if that is earlier).
 */
export function plansInPeriod(ctx: CoreContext, period: Period): ActivePlanLine[] {
  const tz = getSettings(ctx).timeZone;
  const at = new Date(Math.min(ctx.clock.now().getTime(), Date.parse(period.to)));
  const ids = ctx.db
    .prepare(
      `SELECT id FROM activations WHERE activated_at < ? AND (terminated_at IS NULL OR terminated_at >= ?)
       ORDER BY activated_at, id`,
    )
    .pluck()
    .all(period.to, period.from) as number[];
  return ids.map((id) => {
    const a = readActivation(ctx, id);
    const items = a.items.filter((i) => i.inCurrentLevel);
    const states = items.map((i) => checklistItemStatus(i, at, a).state);
    const done = states.filter((s) => s === 'done' || s === 'done_late' || s === 'na').length;
    const overdue = states.filter((s) => s === 'overdue').length;
    const end = a.terminatedAt ? `${cnTime(a.terminatedAt, tz)}终止响应` : '响应持续中';
    return {
      text: `${cnTime(a.activatedAt, tz)}，针对${a.incidentTitle}，经${a.orderedBy}决定启动${a.planName}${
        LEVEL_ROMAN[a.level]
      }级响应，${end}；处置事项已完成${done}项、共${items.length}项${overdue ? `，超时未完成${overdue}项` : ''}。`,
    };
  });
}
