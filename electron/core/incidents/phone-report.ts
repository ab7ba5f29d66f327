import { canonicalJson } from '../audit/canonical-json';
import { AppError } from '../contract/errors';
import { incidentFacts } from '../contract/incidents';
import type { Call } from '../contract/log-entries';
import type { CoreContext } from '../context';
import { applyReportActs } from '../plans/report-acts';
import { findIncident } from './incident-repo';

/**
 * The phone report is one act: the outgoing call to the reporting recipient, marked 电话报告, is the
 * report. It becomes the chain's `phone` entry (sent at the call's time, to the party called, with the
 * facts as they stood), which meets the phone deadline; the written 初报 stays due on its own clock.
 * The caller holds the transaction that logged the call.
 */
export async function recordPhoneReport(ctx: CoreContext, call: Call): Promise<void> {
  if (call.direction !== 'out' || call.incidentId === null)
    throw new AppError('validation', undefined, [{ path: 'phoneReport', code: 'phone_report_outgoing' }]);
  const inc = await findIncident(ctx, call.incidentId);
  if (inc.status === 'voided') throw new AppError('incident.voided', { number: inc.number });
  if (Date.parse(call.at) < Date.parse(inc.receivedAt))
    throw new AppError('validation', undefined, [{ path: 'at', code: 'before_received' }]);
  const existing = await ctx.sql.get("SELECT 1 FROM reports WHERE incident_id = ? AND kind = 'phone'", [inc.id]);
  if (existing) throw new AppError('report.order', { kind: 'phone' });
  const now = ctx.clock.now().toISOString();
  const info = await ctx.sql.insert(
    `INSERT INTO reports (incident_id, kind, seq, status, recipient_unit, channel, sender, sent_at, snapshot,
         created_at, created_by, updated_at, call_id)
       VALUES (?, 'phone', 0, 'sent', ?, 'phone', ?, ?, ?, ?, ?, ?, ?)`,
    [
      inc.id,
      call.party,
      await ctx.actor(),
      call.at,
      canonicalJson(incidentFacts(inc)),
      now,
      await ctx.actor(),
      now,
      call.id,
    ],
  );
  await ctx.audit.appendRow(await ctx.actor(), 'report.phone', 'reports', Number(info));
  await applyReportActs(ctx, inc.id);
}
