import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { AuditHead } from '../contract/audit';

/**
 * The witness: the chain heads, one line per commit, in a plain file beside the database (and a copy of
 * the head in each backup, issued document and signed handover). Someone who rewrites the database —
 * re-hashing the chain from a changed entry, or cutting its tail together with the rows — must also
 * rewrite every witness, or `verify` names the first entry that disagrees.
 *
 * Lines are appended after the commit (never before), so after a crash the witness may lag the database
 * but is never ahead of it; a torn last line is ignored.
 */
export const WITNESS_HEADER = 'duty-room-witness 1';

export const witnessFileOf = (dataFile: string) => `${dataFile}.witness`;
/** The last entry a full or incremental verification got through: the next start checks from there. */
export const checkpointFileOf = (dataFile: string) => `${dataFile}.verified`;

const LINE = /^(\d+) ([0-9a-f]{64})$/;

function parseLine(line: string): AuditHead | null {
  const m = LINE.exec(line);
  return m ? { id: Number(m[1]), hash: m[2]! } : null;
}

/** Appends a head. Two processes appending at once (host and CLI) each write one whole line (O_APPEND). */
export function appendWitness(file: string, head: AuditHead): void {
  if (!existsSync(file)) {
    try {
      writeFileSync(file, WITNESS_HEADER + '\n', { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  appendFileSync(file, `${head.id} ${head.hash}\n`);
}

/** A new witness holding one head (a backup's, or the first after a restore). */
export function writeWitness(file: string, head: AuditHead | null): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, WITNESS_HEADER + '\n' + (head ? `${head.id} ${head.hash}\n` : ''));
  renameSync(tmp, file);
}

/** Every head in the file, read in 64 KB chunks: constant memory whatever its length. */
export function* witnessHeads(file: string): Generator<AuditHead> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65536);
    let rest = '';
    let first = true;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const lines = (rest + buf.toString('latin1', 0, n)).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        if (first) {
          first = false;
          if (line === WITNESS_HEADER) continue;
        }
        const h = parseLine(line);
        if (h) yield h;
      }
    }
    const h = parseLine(rest);
    if (h) yield h;
  } finally {
    closeSync(fd);
  }
}

/** The last whole head in the file, reading only its tail (the check at open must be fast at any size). */
export function lastWitnessHead(file: string): AuditHead | null {
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const len = Math.min(size, 4096);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, size - len);
    const lines = buf.toString('latin1').split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const h = parseLine(lines[i]!);
      if (h) return h;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

export function readCheckpoint(dataFile: string): AuditHead | null {
  try {
    const h = JSON.parse(readFileSync(checkpointFileOf(dataFile), 'utf8')) as AuditHead;
    return Number.isInteger(h.id) && typeof h.hash === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Room for any head (`{"id":…,"hash":…}` is under 100 bytes), padded with spaces, which JSON ignores. */
const CHECKPOINT_BYTES = 128;

/**
 * The checkpoint moves after every commit, so it is one write over the file's fixed-size record rather
 * than a new file and a rename (the rename cost a one-incident write more than all its own work besides
 * the SQL). A write this small within one page lands whole; were a reader ever to see a torn one, it
 * would find no checkpoint and verify the whole chain: slower, never wrong. A file of another size (the
 * first write, an older release's) is replaced whole, under a temporary name of this process's own: the
 * host and a CLI may move the checkpoint at once.
 */
export function writeCheckpoint(dataFile: string, head: AuditHead): void {
  const file = checkpointFileOf(dataFile);
  const record = JSON.stringify({ id: head.id, hash: head.hash }).padEnd(CHECKPOINT_BYTES);
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r+');
  } catch {
    // none yet
  }
  if (fd !== null) {
    try {
      if (fstatSync(fd).size === CHECKPOINT_BYTES) return void writeSync(fd, record, 0);
    } finally {
      closeSync(fd);
    }
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, record);
  renameSync(tmp, file);
}

/** Restore keeps the witness of the replaced chain (its heads are evidence) under a dated name. */
export function archiveWitness(dataFile: string, stamp: string): string | null {
  const file = witnessFileOf(dataFile);
  if (!existsSync(file)) return null;
  const archived = `${file}.before-restore-${stamp}`;
  renameSync(file, archived);
  return archived;
}
