import { existsSync } from 'node:fs';
import type { AuditHead, AuditProblem } from '../contract/audit';
import { GENESIS_PREV } from './chain';
import type { ChainReader } from './chain-scan';
import { witnessHeads } from './witness';

/** One piece of the chain as read (verify-tasks.ts): its first entry's id and link, its last entry. */
export interface PieceEnds {
  first?: { id: number; prev: string };
  last?: { id: number; hash: string };
}

/**
 * Each piece checked its own entries' ids and links; what is left is where the pieces meet: the first
 * entry of each must follow the last of the one before (the first of all: id 1, the genesis link).
 * The same problems, for the same entries, as one pass from the start.
 */
export function joinPieces(pieces: PieceEnds[], problems: AuditProblem[]): AuditHead | null {
  let expectedId = 1;
  let prevHash = GENESIS_PREV;
  let head: AuditHead | null = null;
  for (const { first, last } of pieces) {
    if (!first || !last) continue;
    if (first.id !== expectedId) problems.push({ kind: 'sequence_gap', entryId: first.id });
    if (first.prev !== prevHash) problems.push({ kind: 'prev_mismatch', entryId: first.id });
    expectedId = last.id + 1;
    prevHash = last.hash;
    head = last;
  }
  return head;
}

const SLICE = 20_000;

/**
 * The witness heads against the chain up to `untilId`, as the one pass did it while reading the chain:
 * the live witness's heads in file order, each met at the first entry at or after it (and not before
 * the entry the head before it was met at) — compared with that entry when it is the head's own, looked
 * up by id otherwise (a head out of order: two writers; or an entry missing); heads beyond the chain
 * (its tail cut off) after that; then the other witnesses, looked up. A lookup per head, not a read of
 * every entry: the chain's own checks run meanwhile on other threads. In slices (`step`).
 */
export class WitnessCheck {
  /** Witness problems, in the order found. */
  readonly problems: AuditProblem[] = [];
  witnessed = 0;
  private lastAgreed = 0;
  private failed = false;
  /** The entry the last head was met at (0: none yet); undefined once past the chain's end. */
  private at: number | undefined = 0;
  private readonly live: Generator<AuditHead> | undefined;
  private readonly others: string[];

  constructor(
    private readonly reader: ChainReader,
    private readonly untilId: number,
    witnesses: string[],
  ) {
    const files = witnesses.filter((f) => existsSync(f));
    this.live = files[0] !== undefined ? witnessHeads(files[0]) : undefined;
    this.others = files.slice(1);
  }

  /** Checks the next slice of the live witness's heads; false when all are done. */
  step(): boolean {
    if (!this.live) return false;
    for (let n = 0; n < SLICE; n++) {
      const next = this.live.next();
      if (next.done) return false;
      this.head(next.value);
    }
    return true;
  }

  // The first entry that disagrees lies after the last head both agree on.
  private disagree(found: string | undefined): void {
    this.problems.push({
      kind: found === undefined ? 'witness_missing' : 'witness_mismatch',
      entryId: this.lastAgreed + 1,
    });
  }

  private head(w: AuditHead): void {
    const met = this.at === undefined ? undefined : this.reader.firstFrom(Math.max(w.id, this.at, 1), this.untilId);
    if (met === undefined) {
      // Beyond the chain's end: the tail was cut off. The first disagreement only, like every later head.
      this.at = undefined;
      if (this.failed) return;
      this.witnessed++;
      const found = this.reader.hashOf(w.id);
      if (found === w.hash) this.lastAgreed = Math.max(this.lastAgreed, w.id);
      else {
        this.failed = true;
        this.disagree(found);
      }
      return;
    }
    const [id, hash] = met;
    this.at = id;
    this.witnessed++;
    if (w.id < id) {
      const found = this.reader.hashOf(w.id);
      if (found === w.hash) this.lastAgreed = Math.max(this.lastAgreed, w.id);
      else this.disagree(found);
    } else if (w.hash === hash) this.lastAgreed = Math.max(this.lastAgreed, w.id);
    else if (!this.failed) {
      // Report the first disagreement only: every later head disagrees with a rewritten chain too.
      this.failed = true;
      this.disagree(hash);
    }
  }

  /** After the last step: the other witnesses (a backup's, a copy), each head looked up. */
  finish(): void {
    for (const other of this.others) {
      let failed = false;
      for (const w of witnessHeads(other)) {
        this.witnessed++;
        const found = this.reader.hashOf(w.id);
        if (found !== w.hash && !failed) {
          failed = true;
          this.problems.push({ kind: found === undefined ? 'witness_missing' : 'witness_mismatch', entryId: w.id });
        }
      }
    }
  }
}
