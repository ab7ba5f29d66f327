import { existsSync } from 'node:fs';
import type { AuditHead, AuditProblem } from '../contract/audit';
import { GENESIS_PREV } from './chain';
import type { ChainReader } from './chain-scan';
import { witnessHeads } from './witness';

const SLICE = 20_000;

/**
 * The sequential half of checking the chain: ids without gaps, each entry's stored link equal to the
 * previous entry's stored hash, and the witness heads against the hashes. It reads only ids and hashes
 * (a fraction of an entry's bytes), so it keeps up while other threads recompute every entry's hash
 * from its own stored link (verify-tasks.ts): together they check exactly what one pass did.
 * Runs in slices (`step`) so a host answers other requests in between.
 */
export class LinkCheck {
  /** Sequence and link problems, in id order. */
  readonly chain: AuditProblem[] = [];
  /** Witness problems, in the order found. */
  readonly witness: AuditProblem[] = [];
  entries = 0;
  witnessed = 0;
  private prevHash = GENESIS_PREV;
  private expectedId = 1;
  private lastId = 0;
  private lastAgreed = 0;
  private witnessFailed = false;
  private readonly live: Generator<AuditHead> | undefined;
  private readonly others: string[];
  private next: IteratorResult<AuditHead> | undefined;

  constructor(
    private readonly reader: ChainReader,
    /** The last entry to check (the head when verification began: later entries are the next run's). */
    private readonly untilId: number,
    witnesses: string[],
  ) {
    // The live witness is read alongside the chain (both ascend); a head out of order (two writers) or
    // from another witness file is looked up on its own.
    const files = witnesses.filter((f) => existsSync(f));
    this.live = files[0] !== undefined ? witnessHeads(files[0]) : undefined;
    this.others = files.slice(1);
    this.next = this.live?.next();
  }

  /** Checks the next slice of entries; false when the chain has been read to `untilId`. */
  step(): boolean {
    let n = 0;
    for (const [id, prev, hash] of this.reader.links(this.lastId, this.untilId, SLICE)) {
      n++;
      this.visit(id, prev, hash);
    }
    return n === SLICE;
  }

  get head(): AuditHead | null {
    return this.entries ? { id: this.lastId, hash: this.prevHash } : null;
  }

  // The first entry that disagrees lies after the last head both agree on.
  private disagree(found: string | undefined): void {
    this.witness.push({
      kind: found === undefined ? 'witness_missing' : 'witness_mismatch',
      entryId: this.lastAgreed + 1,
    });
  }

  private point(w: AuditHead): void {
    this.witnessed++;
    const found = this.reader.hashOf(w.id);
    if (found === w.hash) this.lastAgreed = Math.max(this.lastAgreed, w.id);
    else this.disagree(found);
  }

  private visit(id: number, prev: string, hash: string): void {
    this.entries++;
    if (id !== this.expectedId) this.chain.push({ kind: 'sequence_gap', entryId: id });
    if (prev !== this.prevHash) this.chain.push({ kind: 'prev_mismatch', entryId: id });
    while (this.next && !this.next.done && this.next.value.id <= id) {
      const w = this.next.value;
      if (w.id < id) this.point(w);
      else {
        this.witnessed++;
        if (w.hash === hash) this.lastAgreed = Math.max(this.lastAgreed, w.id);
        else if (!this.witnessFailed) {
          // Report the first disagreement only: every later head disagrees with a rewritten chain too.
          this.witnessFailed = true;
          this.disagree(hash);
        }
      }
      this.next = this.live!.next();
    }
    this.prevHash = hash;
    this.expectedId = id + 1;
    this.lastId = id;
  }

  /** After the last step: heads beyond the chain's end (the tail was cut off), then the other witnesses. */
  finish(): void {
    while (this.next && !this.next.done) {
      if (!this.witnessFailed) {
        this.witnessed++;
        const found = this.reader.hashOf(this.next.value.id);
        if (found === this.next.value.hash) this.lastAgreed = Math.max(this.lastAgreed, this.next.value.id);
        else {
          this.witnessFailed = true;
          this.disagree(found);
        }
      }
      this.next = this.live!.next();
    }
    for (const other of this.others) {
      let failed = false;
      for (const w of witnessHeads(other)) {
        this.witnessed++;
        const found = this.reader.hashOf(w.id);
        if (found !== w.hash && !failed) {
          failed = true;
          this.witness.push({ kind: found === undefined ? 'witness_missing' : 'witness_mismatch', entryId: w.id });
        }
      }
    }
  }
}
