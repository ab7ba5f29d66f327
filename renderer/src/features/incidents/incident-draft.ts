import type { Call, ParsedMessage } from '@contract';
import type { FormFacts } from './incident-form-state';

/** What a new incident starts from: facts already known (from a call, a paste) and the call to link. */
export interface IncidentDraft {
  facts: Partial<FormFacts>;
  /** The logged call the incident grows out of; linked once the incident is created. */
  callId: number | null;
  /** Text to read into the form at once (a call's gist). */
  paste?: string;
}

export const BLANK_DRAFT: IncidentDraft = { facts: {}, callId: null };

/**
 * "立为事件" from a logged call: who called becomes the source, the call's time the received-at, its gist
 * the summary. A party written "单位 姓名" is split at the last space into unit and person.
 */
export function draftFromCall(c: Call): IncidentDraft {
  const party = c.party.trim();
  const cut = party.lastIndexOf(' ');
  const [unit, person] = cut > 0 ? [party.slice(0, cut).trim(), party.slice(cut + 1).trim()] : [party, ''];
  return {
    facts: {
      sourceUnit: unit,
      sourcePerson: person,
      sourcePhone: c.number,
      receivedAt: c.at,
      // Until the message says otherwise, it happened when it was reported.
      occurredAt: c.at,
      summary: c.gist,
    },
    callId: c.id,
    paste: c.gist,
  };
}

/** The form fields a parsed message fills, each with the key its label is translated by. */
export type FilledField =
  | 'title'
  | 'occurredAt'
  | 'place'
  | 'district'
  | 'category'
  | 'subtype'
  | 'economicLoss'
  | 'sourceUnit'
  | 'sourcePerson'
  | 'sourcePhone'
  | `casualties.${keyof ParsedMessage['casualties']}`;

/**
 * Puts what the message says into the form, but never over what the officer typed: a field is filled only
 * while it still holds its starting value. The pasted text becomes the summary when there is none.
 */
export function applyParsed(
  current: FormFacts,
  start: FormFacts,
  p: ParsedMessage,
  text: string,
): { facts: FormFacts; filled: FilledField[] } {
  const facts: FormFacts = { ...current, casualties: { ...current.casualties } };
  const filled: FilledField[] = [];
  const untouched = <K extends keyof FormFacts>(k: K) => JSON.stringify(current[k]) === JSON.stringify(start[k]);
  const put = <K extends keyof FormFacts>(k: K & FilledField, v: FormFacts[K] | undefined) => {
    if (v === undefined || v === null || !untouched(k)) return;
    (facts as Record<string, unknown>)[k] = v;
    filled.push(k);
  };
  put('occurredAt', p.occurredAt?.value);
  put('place', p.place?.value);
  put('district', p.district?.value);
  put('category', p.category?.value);
  put('subtype', p.subtype?.value);
  put('economicLoss', p.economicLoss?.value);
  put('sourceUnit', p.sourceUnit?.value);
  put('sourcePerson', p.sourcePerson?.value);
  put('sourcePhone', p.sourcePhone?.value);
  if (p.title && untouched('title')) {
    facts.title = p.title;
    filled.push('title');
  }
  for (const [k, v] of Object.entries(p.casualties) as [keyof ParsedMessage['casualties'], { value: number }][]) {
    if (current.casualties[k] !== start.casualties[k]) continue;
    facts.casualties[k] = v.value;
    filled.push(`casualties.${k}`);
  }
  if (!current.summary.trim()) facts.summary = text.trim();
  return { facts, filled };
}
