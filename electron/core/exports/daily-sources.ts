import type { CoreContext } from '../context';
import type { Period } from './issue-numbers';

/** One line of 应急预案启动情况, already worded. */
export interface ActivePlanLine {
  text: string;
}

/** One line of 值班人员: role and names (with phones). */
export interface OnDutyLine {
  role: string;
  text: string;
}

/**
 * Where the daily report reads plans and the roster from. A source stays undefined until its feature is
 * in the build; the report then leaves the section out and says so in the preview instead of inventing it.
 */
export const dailySources: {
  activePlans?: (ctx: CoreContext, period: Period) => ActivePlanLine[];
  onDuty?: (ctx: CoreContext, period: Period) => OnDutyLine[];
} = {};
