import type { IncidentFacts, ReportKind } from '../contract';
import { REQUIRED_REPORT_FIELDS } from '../contract/reports';

/** The explicit "none applies" for the unit involved (a landslide, a petition): not an empty field. */
export const NO_INVOLVED_UNIT = '不涉及';

/**
 * Order 493 art. 12 fields still missing for a report of this kind. A loss marked "正在核实" is an
 * answer for 初报 and 续报 (the order asks for an initial estimate); a 终报 needs the figure.
 */
export function missingForReport(f: IncidentFacts, kind: ReportKind): string[] {
  return REQUIRED_REPORT_FIELDS.filter((k) => {
    if (k === 'economicLoss') return f.economicLoss === null && !(f.lossVerifying && kind !== 'final');
    const v = f[k];
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  });
}

/**
 * The missing fields a leader must still override: a field a leader already let go up empty in an
 * earlier report of the same incident is not asked about twice.
 */
export function needingOverride(
  missing: string[],
  earlier: { missingFields: string[]; overrideLeader: string | null }[],
) {
  const granted = new Set(earlier.filter((r) => r.overrideLeader).flatMap((r) => r.missingFields));
  return missing.filter((f) => !granted.has(f));
}

/**
 * The report a new 续报/终报/补报 sent at `sentAt` would precede, if any: each report of the written chain
 * carries a sent time no earlier than the one before it (a 续报 never before its 初报). The phone report
 * is a call, not part of that order.
 */
export function reportOrderViolation(
  kind: ReportKind,
  sentAt: string,
  sent: { kind: ReportKind; sentAt: string | null }[],
): { kind: ReportKind; sentAt: string } | null {
  if (kind === 'phone' || kind === 'initial') return null;
  const previous = sent
    .filter((r) => r.kind !== 'phone' && r.sentAt)
    .reduce<{ kind: ReportKind; sentAt: string } | null>(
      (latest, r) =>
        !latest || Date.parse(r.sentAt!) > Date.parse(latest.sentAt) ? { kind: r.kind, sentAt: r.sentAt! } : latest,
      null,
    );
  return previous && Date.parse(sentAt) < Date.parse(previous.sentAt) ? previous : null;
}
