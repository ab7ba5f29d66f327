export interface AuditHead {
  id: number;
  hash: string;
}

export type AuditProblemKind =
  | 'hash_mismatch'
  | 'prev_mismatch'
  | 'sequence_gap'
  | 'row_changed'
  | 'row_unaudited'
  | 'row_missing'
  | 'anchor_mismatch'
  /** A witness (file beside the database, a backup's, an issued document's) holds another hash. */
  | 'witness_mismatch'
  /** A witness names an entry the chain no longer has: its tail was cut off. */
  | 'witness_missing'
  /** SQLite's integrity_check found damaged pages (verify --full). */
  | 'integrity';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The audit entry the problem is found at (for row problems: the entry that last recorded the row). */
  entryId: number | null;
  table?: string;
  rowId?: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head: AuditHead | null;
  /** The first broken entry or row, named so an officer can find it. */
  firstProblem: AuditProblem | null;
  problems: number;
  /** How many witnessed heads were compared with the chain. */
  witnessed: number;
  /** SQLite's integrity_check result, when asked for (verify --full). */
  integrity?: string;
}

/** The head and entry count recorded wherever the record leaves the database (documents, handovers). */
export interface AuditWitness {
  id: number;
  hash: string;
  entries: number;
}
