import { incidentFacts, type Incident, type IncidentFacts } from '@contract';
import { minuteOf } from '../../components/time-format';

/** What the form edits: the facts, with times possibly invalid (null) while being typed. */
export type FormFacts = Omit<IncidentFacts, 'occurredAt' | 'receivedAt'> & {
  occurredAt: string | null;
  receivedAt: string | null;
};

export function emptyFacts(now: Date): FormFacts {
  const iso = minuteOf(now);
  return {
    title: '',
    occurredAt: iso,
    receivedAt: iso,
    sourceUnit: '',
    sourcePerson: '',
    sourcePhone: '',
    involvedUnit: '',
    place: '',
    district: '',
    category: 'accident',
    subtype: '',
    level: 'unrated',
    sensitive: false,
    casualties: { deaths: 0, missing: 0, seriouslyInjured: 0, injured: 0, trapped: 0, evacuated: 0 },
    economicLoss: null,
    summary: '',
    cause: '',
    measures: '',
    leadersNotified: '',
  };
}

export function factsFromIncident(inc: Incident): FormFacts {
  return incidentFacts(inc);
}

/** The fields that differ from the original: an amendment sends only what changed. */
export function changedFacts(original: FormFacts, current: FormFacts): Partial<FormFacts> {
  const out: Partial<FormFacts> = {};
  for (const key of Object.keys(current) as (keyof FormFacts)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(original[key]))
      (out as Record<string, unknown>)[key] = current[key];
  }
  return out;
}
