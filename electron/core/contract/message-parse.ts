import { z } from 'zod';
import type { Casualties, Category } from './incidents';

/** Character range [start, end) in the pasted text, so the form can highlight where a value came from. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface Extracted<T> {
  value: T;
  span: TextSpan;
  /** The text said "余/多/约/近…": a figure the officer should treat as an estimate. */
  estimate?: boolean;
}

/** Casualty figures a message can state (evacuated is never read from a first notice). */
export type ParsedCasualtyField = Exclude<keyof Casualties, 'evacuated'>;

/** What a pasted notice, text message or phone note says about an incident; absent = not found. */
export interface ParsedMessage {
  /** A title proposal built from place and event (no span: it is composed, not quoted). */
  title: string | null;
  occurredAt?: Extracted<string>;
  place?: Extracted<string>;
  district?: Extracted<string>;
  category?: Extracted<Category>;
  subtype?: Extracted<string>;
  casualties: Partial<Record<ParsedCasualtyField, Extracted<number>>>;
  /** 万元. */
  economicLoss?: Extracted<number>;
  sourceUnit?: Extracted<string>;
  sourcePerson?: Extracted<string>;
  sourcePhone?: Extracted<string>;
}

export const parseMessageSchema = z
  .object({
    text: z.string().max(10_000),
    /** The instant relative times ("今天", "昨晚", a date without a year) are read against; default now. */
    referenceAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
