import type { TimelineContributor } from './incidents/timeline';
import type { HandoverSources } from './handover/sources';
import type { DailySources } from './documents/daily-sources';
import type { PdfPrinter } from './documents/pdf-printer';
import type { SeatCheck, SeatInfo } from './contract/app';

/**
 * How features read each other, and what the host lends the core. Passed to `createService` by each
 * host's composition root; never registered by a side-effect import or a module-level setter.
 */
export interface CoreWiring {
  /** Other features' entries on an incident's timeline (plan activations…). */
  timeline: readonly TimelineContributor[];
  /** Where a handover draft reads open incidents, deadlines and responses; null = not in this build. */
  handover: HandoverSources;
  /** Where the daily report reads plans and the roster; undefined = the section is left out. */
  daily: DailySources;
  /** The host's PDF printer; null = `format: 'pdf'` fails with export.pdf_unavailable. */
  pdfPrinter: PdfPrinter | null;
  /** The host's data folder's seat (Settings' shared database section); absent = seat.* answer not_found. */
  seat?: SeatAdapter;
  /**
   * The folder of the built worker threads (out/main, beside the bundle the host runs from); absent =
   * every piece of a long job runs on the calling thread (the sources under test, a migration).
   */
  workers?: string;
}

/** What the composition root lends for the seat.* methods: only it knows the data folder. */
export interface SeatAdapter {
  current(): SeatInfo;
  test(url: string): Promise<SeatCheck>;
  switch(url: string): Promise<SeatCheck>;
}

/** A context that reads no other feature and prints nothing (migrations, benchmarks of one repo). */
export const NO_WIRING: CoreWiring = {
  timeline: [],
  handover: { incidents: null, plans: null },
  daily: {},
  pdfPrinter: null,
};
