import type { TimelineEntry } from '../contract/incident-methods';
import type { CoreContext } from '../context';
import { activationsForIncident } from './activation-read';

const ROMAN = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' } as const;

/** Activations, level changes and terminations on the incident's timeline (kind: timeline.kind.plan_*). */
export async function planTimeline(ctx: CoreContext, incidentId: number): Promise<TimelineEntry[]> {
  return (await activationsForIncident(ctx, incidentId)).flatMap((a) =>
    a.events.map((e): TimelineEntry => {
      const levels =
        e.kind === 'level_changed'
          ? `${ROMAN[e.fromLevel!]} → ${ROMAN[e.toLevel!]}`
          : ROMAN[(e.toLevel ?? e.fromLevel)!];
      return {
        at: e.at,
        kind:
          e.kind === 'activated'
            ? 'plan_activated'
            : e.kind === 'level_changed'
              ? 'plan_level_changed'
              : 'plan_terminated',
        title: `${a.planName} · ${levels}`,
        detail: [e.orderedBy, e.note].filter(Boolean).join(' · '),
        by: e.recordedBy,
        refId: a.id,
      };
    }),
  );
}
