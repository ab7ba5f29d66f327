import type { CoreContext } from '../context';
import { STALE_AFTER_DAYS, SUMMARY_LIMIT } from '../contract/incident-methods';
import type { PendingInstruction } from '../contract/log-entries';

interface Row {
  id: number;
  incident_id: number | null;
  number: string | null;
  title: string | null;
  leader: string;
  given_at: string;
  text: string;
  relayed_at: string | null;
  relayed_to: string | null;
  feedback_at: string | null;
}

/**
 * 批示 the duty room still owes something on, for the Now desk. A range read on instructions(given_at)
 * (migration 130) bounded to STALE_AFTER_DAYS and SUMMARY_LIMIT, each with three lookups on its own
 * actions: cheap however many years of instructions are logged (issue 13).
 */
export async function pendingInstructions(ctx: CoreContext, now: Date): Promise<PendingInstruction[]> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString();
  const rows = (await ctx.sql.all(
    `SELECT i.id, i.incident_id, inc.number, inc.title, i.leader, i.given_at, i.text,
         (SELECT a.at FROM instruction_actions a WHERE a.instruction_id = i.id AND a.kind = 'relay'
           ORDER BY a.at DESC, a.id DESC LIMIT 1) AS relayed_at,
         (SELECT a.party FROM instruction_actions a WHERE a.instruction_id = i.id AND a.kind = 'relay'
           ORDER BY a.at DESC, a.id DESC LIMIT 1) AS relayed_to,
         (SELECT max(a.at) FROM instruction_actions a WHERE a.instruction_id = i.id AND a.kind = 'feedback')
           AS feedback_at
       FROM instructions i LEFT JOIN incidents inc ON inc.id = i.incident_id
       WHERE i.given_at >= ?
         AND NOT EXISTS (SELECT 1 FROM instruction_actions a WHERE a.instruction_id = i.id AND a.kind = 'completed')
         AND (inc.id IS NULL OR inc.status <> 'voided')
       ORDER BY i.given_at, i.id LIMIT ?`,
    [cutoff, SUMMARY_LIMIT],
  )) as Row[];
  return (
    rows
      // 反馈 after the last 传达 answers it; a new 传达 after a 反馈 waits for its own.
      .filter((r) => !r.relayed_at || !r.feedback_at || r.feedback_at < r.relayed_at)
      .map((r) => ({
        id: r.id,
        state: r.relayed_at ? 'awaiting_feedback' : 'to_relay',
        incidentId: r.incident_id,
        incidentNumber: r.number,
        incidentTitle: r.title,
        leader: r.leader,
        givenAt: r.given_at,
        text: r.text,
        relayedAt: r.relayed_at,
        relayedTo: r.relayed_to,
      }))
  );
}
