import type { ChecklistItemState, DeadlineState } from '@contract';

/** The five states a glance must read (ui.md), whatever is late: a report, a checklist item, a response. */
export type GlanceState = 'on_time' | 'due_soon' | 'overdue' | 'done' | 'voided';

export interface StateLook {
  /** Badge colour and fill. */
  color: string;
  variant: 'light' | 'filled';
  /** Text on the filled badge, where white would fail AA contrast (amber). */
  c?: string;
  /** Colour for the state written as plain text, beside a time. */
  text?: string;
  bold: boolean;
  /** Voided records are struck through. */
  strike: boolean;
}

/** One set of state colours for the whole renderer; every state is also written out (never colour alone). */
export const STATE_LOOK: Record<GlanceState, StateLook> = {
  on_time: { color: 'green', variant: 'light', bold: false, strike: false },
  due_soon: { color: 'yellow.7', variant: 'filled', c: 'dark.9', text: 'yellow.8', bold: true, strike: false },
  overdue: { color: 'red.7', variant: 'filled', text: 'red.7', bold: true, strike: false },
  done: { color: 'gray', variant: 'light', text: 'dimmed', bold: false, strike: false },
  voided: { color: 'gray', variant: 'light', text: 'dimmed', bold: false, strike: true },
};

/** A deadline's or a checklist item's own state, as the glance state it shows. */
export function glanceState(state: DeadlineState | ChecklistItemState): GlanceState {
  switch (state) {
    case 'pending':
    case 'on_time':
      return 'on_time';
    case 'due_soon':
    case 'overdue':
      return state;
    case 'out_of_level':
      return 'voided';
    default:
      // done, done late, not applicable: closed, grey with a check.
      return 'done';
  }
}

export const lookOf = (state: DeadlineState | ChecklistItemState): StateLook => STATE_LOOK[glanceState(state)];
