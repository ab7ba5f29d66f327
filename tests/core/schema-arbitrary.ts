import fc from 'fast-check';

/** A JSON Schema node as zod's toJSONSchema writes it (the parts the generator reads). */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
}

/** Inputs that broke hosts before (impossible dates, far years, huge numbers) and the usual suspects. */
export const EDGE_STRINGS = [
  '',
  ' ',
  '2024-02-31',
  '2024-02-29',
  '9999-12',
  '9999-12-31',
  '0000-00-00',
  '2026-13',
  '2026-11-23',
  '2026-11',
  '2026-11-23T01:05:00Z',
  '2024-02-31T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-11-23 08:30',
  '08:30',
  '24:00',
  'Asia/Shanghai',
  'Mars/Olympus',
  '123456',
  '1357',
  '1e400',
  '\u0000',
  '火灾',
  '大江化工园区某化工厂火灾',
  "'; DROP TABLE incidents; --",
  '../../etc/passwd',
  'x'.repeat(5000),
];
export const EDGE_NUMBERS = [0, 1, 2, 3, -1, 0.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE, NaN, Infinity];

const string = (s: Schema) => {
  const options: fc.Arbitrary<string>[] = [fc.constantFrom(...EDGE_STRINGS), fc.string({ maxLength: 40 })];
  if (s.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(s.pattern)));
    } catch {
      // A pattern fast-check cannot generate from: the others still cover the field.
    }
  }
  return fc.oneof(...options);
};

const number = (s: Schema, integer: boolean) =>
  fc.oneof(
    fc.constantFrom(...EDGE_NUMBERS),
    integer ? fc.integer({ min: -5, max: 12 }) : fc.double(),
    fc.integer({
      min: s.minimum !== undefined ? Math.ceil(s.minimum) : -1000,
      max: s.maximum !== undefined ? Math.floor(Math.min(s.maximum, 2 ** 40)) : 1000,
    }),
  );

/** Payloads shaped like the schema (so they reach the handlers), with wrong types and edge values mixed in. */
export function fromSchema(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), fc.constant('not-in-enum'));
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0]!, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const wrong = fc.constantFrom<unknown>(null, 42, 'x', [], {}, true);
  let right: fc.Arbitrary<unknown>;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = fromSchema(v, depth + 1);
      right = fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      break;
    }
    case 'array':
      right = s.prefixItems
        ? fc.tuple(...s.prefixItems.map((p) => fromSchema(p, depth + 1)))
        : fc.array(fromSchema(s.items ?? {}, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) });
      break;
    case 'string':
      right = string(s);
      break;
    case 'integer':
      right = number(s, true);
      break;
    case 'number':
      right = number(s, false);
      break;
    case 'boolean':
      right = fc.boolean();
      break;
    case 'null':
      right = fc.constant(null);
      break;
    default:
      right = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null));
  }
  // Mostly well-typed (to get past the schema), sometimes the wrong type altogether.
  return fc.oneof({ arbitrary: right, weight: 9 }, { arbitrary: wrong, weight: 1 });
}
