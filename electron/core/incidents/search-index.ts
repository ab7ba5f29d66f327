import type { Incident } from '../contract/incidents';
import type { CoreContext } from '../context';
import { indexText } from './search-text';

type Kind = 'incident' | 'report' | 'instruction' | 'call';

/** Replaces the index entry of one record; derived data, rebuilt inside the writer's transaction. */
export function indexEntry(
  ctx: CoreContext,
  e: { kind: Kind; refId: number; incidentId: number | null; at: string; title: string; text: string },
): void {
  ctx.db.prepare('DELETE FROM search_fts WHERE kind = ? AND ref_id = ?').run(e.kind, e.refId);
  ctx.db
    .prepare('INSERT INTO search_fts (text, kind, ref_id, incident_id, at, title) VALUES (?, ?, ?, ?, ?, ?)')
    .run(indexText(e.text), e.kind, e.refId, e.incidentId, e.at, e.title);
}

export function indexIncident(ctx: CoreContext, inc: Incident): void {
  indexEntry(ctx, {
    kind: 'incident',
    refId: inc.id,
    incidentId: inc.id,
    at: inc.receivedAt,
    title: `${inc.number} ${inc.title}`,
    text: [
      inc.number,
      inc.title,
      inc.place,
      inc.district,
      inc.subtype,
      inc.involvedUnit,
      inc.sourceUnit,
      inc.summary,
      inc.cause,
      inc.measures,
    ].join(' '),
  });
}
