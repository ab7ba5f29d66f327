/**
 * Deterministic JSON: object keys sorted, no whitespace. The hash chain depends on the same record
 * always serialising to the same bytes, whatever order its fields were built in.
 *
 * Every write serialises its row and its audit payload, an import hundreds of thousands, so a value that
 * is already canonical (plain objects whose keys come in sorted order, finite numbers: e.g. a row read
 * with its columns in sorted order) goes to one native JSON.stringify, which emits keys in the same order
 * as Object.keys; anything else takes the key-sorting walk. Both give the same bytes (tests/core/audit).
 */
export function canonicalJson(value: unknown): string {
  return isCanonical(value) ? (JSON.stringify(value) ?? 'null') : sortedJson(value);
}

/** True when JSON.stringify would already emit exactly what sortedJson emits. */
function isCanonical(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      // undefined, bigint, function, symbol: let the walk give its answer (null, or the error).
      return false;
  }
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (value[i] !== undefined && !isCanonical(value[i])) return false;
    return true;
  }
  // Not a Date, a Map…: their own serialisation (toJSON) differs from the walk's.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const obj = value as Record<string, unknown>;
  let prev: string | null = null;
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) return false;
    if (prev !== null && !(prev < k)) return false;
    prev = k;
    const v = obj[k];
    if (v !== undefined && !isCanonical(v)) return false;
  }
  return true;
}

/** The key-sorting walk, written as plain loops (no intermediate arrays). */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}

/**
 * A copy of plain objects (deeply) with their keys inserted in sorted order, so the value's later
 * canonicalJson takes the native path: facts arrive in the form's field order, and an import serialises
 * each incident's facts for the row, its version and both audit entries.
 */
export function sortedCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) out[k] = sortedCopy(obj[k]);
  return out as T;
}
