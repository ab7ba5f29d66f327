import type { IncidentDetail, TimelineEntry } from '../contract/incident-methods';
import { reportName } from '../contract/field-labels';
import type { CoreContext } from '../context';

/** Other features (plan activations…) add their entries to an incident's timeline: see CoreWiring.timeline. */
export type TimelineContributor = (ctx: CoreContext, incidentId: number) => Promise<TimelineEntry[]>;

export async function buildTimeline(ctx: CoreContext, d: Omit<IncidentDetail, 'timeline'>): Promise<TimelineEntry[]> {
  const { incident } = d;
  const entries: TimelineEntry[] = [
    { at: incident.occurredAt, kind: 'occurred', title: incident.place, detail: '', by: '', refId: null },
    {
      at: incident.receivedAt,
      kind: 'received',
      title: incident.title,
      detail: incident.sourceUnit,
      by: incident.createdBy,
      refId: null,
    },
  ];
  for (const v of d.versions) {
    if (v.kind === 'created') continue;
    entries.push({
      at: v.at,
      kind: v.kind === 'amended' ? 'amended' : v.kind === 'voided' ? 'voided' : 'status',
      // Paths, not words: the renderer names the fields in the officer's language (never `casualties.deaths`).
      title: '',
      fields: v.changes.map((c) => c.field),
      detail: v.reason ?? '',
      by: v.by,
      refId: v.version,
    });
  }
  for (const r of d.reports) {
    if (r.status !== 'sent') continue;
    entries.push({
      at: r.sentAt!,
      kind: `report_${r.kind}`,
      title: reportName(r.kind, r.seq),
      detail: r.recipientUnit,
      by: r.sender ?? '',
      refId: r.id,
      seq: r.seq,
    });
  }
  for (const c of d.calls) {
    entries.push({
      at: c.at,
      kind: c.direction === 'in' ? 'call_in' : 'call_out',
      title: c.party,
      detail: c.gist,
      by: c.createdBy,
      refId: c.id,
    });
  }
  for (const i of d.instructions) {
    entries.push({ at: i.givenAt, kind: 'instruction', title: i.leader, detail: i.text, by: i.createdBy, refId: i.id });
    for (const a of i.actions) {
      entries.push({
        at: a.at,
        kind: `instruction_${a.kind}`,
        title: a.party,
        detail: a.text,
        by: a.createdBy,
        refId: i.id,
      });
    }
  }
  for (const c of ctx.wiring.timeline) entries.push(...(await c(ctx, incident.id)));
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
