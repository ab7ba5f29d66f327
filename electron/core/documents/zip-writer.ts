import { constants, crc32, deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';
import type { FileSink } from './downloads';

/**
 * A streaming ZIP writer (for the log's XLSX) on Node's own zlib: entries are written as their parts
 * arrive, so a sheet of 100,000 rows never sits in memory. ExcelJS's streaming writer built an object
 * per row and per cell before writing any XML, which was most of a big export's time.
 *
 * Each part is deflated on its own with a sync flush: the pieces end on a byte boundary without a final
 * block, so they join into one valid deflate stream (as pigz does), and zlib runs on the thread pool
 * while the next rows are being built. Sizes and CRC go in a data descriptor after each entry. No ZIP64:
 * an entry stops at 4 GiB, far beyond a log export (100,000 rows make about 100 MB of sheet XML).
 */

const deflate = promisify(deflateRaw);
/**
 * Level 1: on the log's sheet XML it deflates three times as fast as the default 6, and the file is the
 * size ExcelJS's was (2.3 MB for 10,000 rows against 1.8 MB at level 6).
 */
const LEVEL = 1;
/** An empty final block with fixed codes: closes the joined deflate stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const DESCRIPTOR_FLAG = 0x0008;
const UTF8_FLAG = 0x0800;
const LIMIT = 0xffffffff;

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/** MS-DOS date and time of the entries, from the export's own clock. */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

export interface ZipEntryWriter {
  /** Adds one part of the entry's content (in order); resolves once at most one part is still in flight. */
  write(part: string | Buffer): Promise<void>;
  end(): Promise<void>;
}

export function zipWriter(sink: FileSink, at: Date) {
  const entries: Entry[] = [];
  const { time, date } = dosTime(at);
  let offset = 0;
  const put = async (b: Buffer) => {
    offset += b.length;
    await sink.write(b);
  };

  function header(sig: number, e: Entry, central: boolean): Buffer {
    const b = Buffer.alloc((central ? 46 : 30) + e.name.length);
    let o = 0;
    const u32 = (v: number) => (o = b.writeUInt32LE(v >>> 0, o));
    const u16 = (v: number) => (o = b.writeUInt16LE(v, o));
    u32(sig);
    if (central) u16(20); // made by: version 2.0
    u16(20);
    u16(DESCRIPTOR_FLAG | UTF8_FLAG);
    u16(8); // deflate
    u16(time);
    u16(date);
    u32(central ? e.crc : 0);
    u32(central ? e.compressed : 0);
    u32(central ? e.size : 0);
    u16(e.name.length);
    u16(0); // extra
    if (central) {
      u16(0); // comment
      u16(0); // disk
      u16(0); // internal attributes
      u32(0); // external attributes
      u32(e.offset);
    }
    e.name.copy(b, o);
    return b;
  }

  return {
    async entry(name: string): Promise<ZipEntryWriter> {
      const e: Entry = { name: Buffer.from(name, 'utf8'), offset, crc: 0, size: 0, compressed: 0 };
      entries.push(e);
      await put(header(0x04034b50, e, false));
      let pending: Promise<void> = Promise.resolve();
      const chain = (next: Promise<Buffer>) => {
        const prev = pending;
        pending = (async () => {
          const z = await next;
          await prev;
          e.compressed += z.length;
          await put(z);
        })();
        // Awaited later (next part or end); until then a failure must not count as unhandled.
        pending.catch(() => {});
        return prev;
      };
      return {
        async write(part) {
          const data = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
          if (!data.length) return;
          e.crc = crc32(data, e.crc);
          e.size += data.length;
          if (e.size > LIMIT) throw new Error(`zip entry ${name} exceeds 4 GiB`);
          await chain(deflate(data, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH }));
        },
        async end() {
          await chain(Promise.resolve(FINAL_BLOCK));
          await pending;
          const d = Buffer.alloc(16);
          d.writeUInt32LE(0x08074b50, 0);
          d.writeUInt32LE(e.crc >>> 0, 4);
          d.writeUInt32LE(e.compressed, 8);
          d.writeUInt32LE(e.size, 12);
          await put(d);
        },
      };
    },
    /** A whole entry at once (the package's small parts). */
    async file(name: string, content: string): Promise<void> {
      const w = await this.entry(name);
      await w.write(content);
      await w.end();
    },
    async end(): Promise<void> {
      const start = offset;
      for (const e of entries) await put(header(0x02014b50, e, true));
      if (offset > LIMIT) throw new Error('zip exceeds 4 GiB');
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      await put(end);
    },
  };
}
