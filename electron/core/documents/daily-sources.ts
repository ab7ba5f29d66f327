import type { CoreContext } from '../context';
import type { Period } from './issue-numbers';

/** One line of 应急预案启动情况, already worded; the incident lets a downward issue leave it out. */
export interface ActivePlanLine {
  incidentId: number;
  text: string;
}

/** One line of 值班人员: role and names (with phones). */
export interface OnDutyLine {
  role: string;
  text: string;
}

export type DailyPeriod = Period & { isDay: boolean };

/**
 * Where the daily report reads plans and the roster from. A source left undefined (a build without that
 * feature) makes the report leave the section out and say so in the preview instead of inventing it.
 */
export interface DailySources {
  activePlans?: (ctx: CoreContext, period: DailyPeriod) => Promise<ActivePlanLine[]>;
  onDuty?: (ctx: CoreContext, period: DailyPeriod) => Promise<OnDutyLine[]>;
}
