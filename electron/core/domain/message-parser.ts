import type { ParsedMessage, TextSpan } from '../contract/message-parse';
import { findOccurredAt } from './message-when';
import { findKind } from './message-kinds';
import { findCasualties, findLoss } from './message-figures';
import { findSource } from './message-source';
import { findDistrict, findEvent, findPlace } from './message-place';
import { toHalfWidth } from './message-numbers';

export interface ParseOptions {
  /** Instant relative times are read against (usually now). */
  referenceAt: string;
  timeZone: string;
  /** The duty room's districts from Settings. */
  districts: readonly string[];
}

/**
 * Reads a pasted notice, text message or phone note into incident fields, each with the span of text it
 * came from so the officer sees and confirms every value. Deterministic and offline: patterns for the
 * ways duty-room messages are written, no model. What it cannot find it leaves out.
 */
export function parseMessage(input: string, opts: ParseOptions): ParsedMessage {
  const text = toHalfWidth(input);
  const occurredAt = findOccurredAt(text, opts.referenceAt, opts.timeZone);
  // The place usually follows the time ("13时50分许，中山区…发生"); otherwise it may precede it
  // ("G15沈海高速K386处今天下午2点许发生"), so look again with the time blanked out.
  const place =
    findPlace(text, occurredAt?.span.end ?? 0) ?? (occurredAt ? findPlace(blank(text, occurredAt.span), 0) : undefined);
  const district = findDistrict(text, opts.districts, place?.span);
  const kind = findKind(text);
  const out: ParsedMessage = {
    title: null,
    ...(occurredAt && { occurredAt }),
    ...(place && { place }),
    ...(district && { district }),
    ...kind,
    casualties: findCasualties(text),
    ...findSource(text),
  };
  const loss = findLoss(text);
  if (loss) out.economicLoss = loss;
  out.title = composeTitle(text, out);
  return out;
}

function blank(text: string, span: TextSpan): string {
  return text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end);
}

function composeTitle(text: string, p: ParsedMessage): string | null {
  const event = p.place ? findEvent(text, p.place.span.end) : null;
  const what = event ?? (p.subtype ? `${p.subtype}${p.category?.value === 'accident' ? '事故' : '事件'}` : null);
  if (!p.place && !what) return null;
  return `${p.place?.value ?? ''}${what ?? ''}`.slice(0, 60);
}
