import { createHash } from 'node:crypto';
import type { AuditedTable } from '../audit/audited-tables';

/** What the chain records of a PIN row: a digest of the salted hash, so the chain never carries the hash. */
export function pinRowDigest(row: Record<string, unknown>): Record<string, unknown> {
  const { pin_hash, ...rest } = row;
  return { ...rest, pin_digest: createHash('sha256').update(String(pin_hash)).digest('hex') };
}

export const rosterTables: AuditedTable[] = [
  { table: 'people', pk: 'id' },
  { table: 'roster_changes', pk: 'id' },
  { table: 'roster_assignments', pk: 'id' },
  { table: 'operator_sessions', pk: 'id' },
  // A PIN deleted or swapped behind the app would let anyone sign as that person: audited like every record.
  { table: 'person_pins', pk: 'person_id', project: pinRowDigest },
  { table: 'pin_attempts', pk: 'person_id' },
];
