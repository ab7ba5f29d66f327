import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { downloadsDirOf, isDownloadName } from '../data-dir';
import { once } from 'node:events';

/**
 * Big files (the log of 100,000 incidents) do not travel through the API as base64: that held the whole
 * file in memory three times over (bytes, base64, JSON). They are written, as they are produced, into
 * the downloads folder beside the database, and the API answers with their name there; each host hands
 * the file over its own way (the web host serves GET /download/<name>, Electron copies it to the path the
 * save dialog chose, the CLI to --out). Files are kept for a day, then swept.
 */
const KEEP_MS = 24 * 3_600_000;

export interface FileSink {
  write(chunk: Buffer): Promise<void>;
}

/** Writes a file through `produce` (back-pressure respected), hashing it on the way; returns its name. */
export async function prepareDownload(
  dataFile: string,
  ext: string,
  produce: (sink: FileSink) => Promise<void>,
): Promise<{ download: string; sha256: string; size: number }> {
  const dir = downloadsDirOf(dataFile);
  mkdirSync(dir, { recursive: true });
  sweep(dir);
  const download = `${randomBytes(16).toString('hex')}.${ext}`;
  const path = join(dir, download);
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  let size = 0;
  const failed = once(out, 'error').then(([e]) => Promise.reject(e as Error));
  failed.catch(() => {}); // observed: a write error rejects `failed`, which the races below report
  try {
    await produce({
      async write(chunk) {
        hash.update(chunk);
        size += chunk.length;
        if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
      },
    });
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (e) {
    out.destroy();
    rmSync(path, { force: true });
    throw e;
  }
  return { download, sha256: hash.digest('hex'), size };
}

function sweep(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!isDownloadName(name)) continue;
    const p = join(dir, name);
    try {
      if (now - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { force: true });
    } catch {
      // Gone already (another host swept it).
    }
  }
}
