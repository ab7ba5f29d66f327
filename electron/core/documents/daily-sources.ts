import type { CoreContext } from '../context';
import type { Period } from './issue-numbers';
import { plansInPeriod } from './plans-source';
import { rosterOnDuty } from './roster-source';

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

type DailyPeriod = Period & { isDay: boolean };

/**
 * Where the daily report reads plans and the roster from. A source left undefined (a build without that
 * feature) makes the report leave the section out and say so in the preview instead of inventing it.
 */
export const dailySources: {
  activePlans?: (ctx: CoreContext, period: DailyPeriod) => ActivePlanLine[];
  onDuty?: (ctx: CoreContext, period: DailyPeriod) => OnDutyLine[];
} = { onDuty: rosterOnDuty, activePlans: plansInPeriod };
