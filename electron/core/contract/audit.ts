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
  | 'anchor_mismatch';

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
}
