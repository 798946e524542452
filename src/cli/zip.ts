/**
 * .xlsx zips read and written with Node's own zlib. JSZip (inside ExcelJS) and the JavaScript zip
 * libraries inflate and deflate in JavaScript: three times slower than zlib on the 4 MB of XML a
 * 240-sheet workbook holds, and slower still in a fresh process before the JIT warms up. The
 * container is simple enough to handle here (PKWARE APPNOTE 6.3: local headers, central directory,
 * end record). No zip64, no encryption: such a file is left to ExcelJS, which reports what it cannot read.
 */
import * as zlib from "node:zlib";

export const LOCAL_HEADER = 0x04034b50;
export const CENTRAL_HEADER = 0x02014b50;
export const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 11: names are UTF-8. */
export const FLAG_UTF8 = 0x0800;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
export const VERSION = 20;
/** 1980-01-01 00:00 in MS-DOS form: the same bytes for the same workbook, run after run. */
export const DOS_TIME = 0;
export const DOS_DATE = (0 << 9) | (1 << 5) | 1;

const METHODS = new Set([METHOD_STORE, METHOD_DEFLATE]);

/**
 * The entries of a zip in their order, or null when it is not one this reader handles, an entry's
 * local name differs from the central directory's, or its data does not match the central
 * directory's size and CRC: ExcelJS then reads the file its own way and says what is wrong with
 * it. Names are UTF-8 whatever the flag says, as JSZip reads them.
 */
export function unzipEntries(buf: Buffer): Record<string, Uint8Array> | null {
  const entries = readEntries(buf);
  if (!entries) return null;
  const out: Record<string, Uint8Array> = {};
  for (const [name, e] of Object.entries(entries)) out[name] = e.data;
  return out;
}

/**
 * A zip's entries zipped again at `level` (folder entries dropped), or null where unzipEntries
 * gives null. Each CRC was checked against its data on reading and is carried over, not summed again.
 */
export function rezip(buf: Buffer, level = 6): Buffer | null {
  const entries = readEntries(buf);
  return entries && writeEntries(entries, level);
}

/** An entry's uncompressed data and its CRC-32. */
interface Entry {
  data: Uint8Array;
  crc: number;
}

function readEntries(buf: Buffer): Record<string, Entry> | null {
  const end = findEndRecord(buf);
  if (end < 0) return null;
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return null; // zip64
  const out: Record<string, Entry> = {};
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const fullSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const nameAt = at + 46;
    at += 46 + skip;
    if (flags & 1 || !METHODS.has(method)) return null; // encrypted, or a method zlib does not do
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_HEADER) return null;
    const localNameLength = buf.readUInt16LE(local + 26);
    const sameName =
      localNameLength === nameLength &&
      buf.compare(buf, nameAt, nameAt + nameLength, local + 30, local + 30 + nameLength) === 0;
    if (!sameName) return null;
    const start = local + 30 + localNameLength + buf.readUInt16LE(local + 28);
    if (start + size > buf.length) return null;
    const name = buf.toString("utf8", nameAt, nameAt + nameLength);
    if (name.endsWith("/")) continue; // folders are implied by the names
    const stored = buf.subarray(start, start + size);
    const data = method === METHOD_STORE ? stored : zlib.inflateRawSync(stored);
    if (data.length !== fullSize || crc32(data) !== crc) return null;
    out[name] = { data, crc };
  }
  return out;
}

/** The end of central directory record: the last signature within the final 64 KB + 22 bytes. */
function findEndRecord(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  return -1;
}

/** Entries in the given order; level 0 stores them as they are (for a reader that then only copies). */
export function zipEntries(entries: Record<string, Uint8Array>, level = 6): Buffer {
  const withCrc: Record<string, Entry> = {};
  for (const [name, data] of Object.entries(entries)) withCrc[name] = { data, crc: crc32(data) };
  return writeEntries(withCrc, level);
}

function writeEntries(entries: Record<string, Entry>, level: number): Buffer {
  const method = level === 0 ? METHOD_STORE : METHOD_DEFLATE;
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, { data, crc }] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const deflated = level === 0 ? data : zlib.deflateRawSync(data, { level });
    const entry = { method, crc, size: deflated.length, fullSize: data.length, nameLength: nameBytes.length };
    // The local header and the central directory carry the same fields; the central one is 2 bytes
    // further on (it adds "version made by") and ends with where the local header is.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    writeEntryFields(local, 4, entry);
    parts.push(local, nameBytes, deflated);

    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL_HEADER, 0);
    dir.writeUInt16LE(VERSION, 4);
    writeEntryFields(dir, 6, entry);
    // extra length, comment length, disk number, internal and external attributes: all 0
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + deflated.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const count = central.length / 2;
  if (count > 0xffff || offset > 0xffffffff) throw new Error("too large for a zip without zip64");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** Version needed, flags, method, DOS time and date, CRC, sizes and name length, from `at` on. */
function writeEntryFields(
  buf: Buffer,
  at: number,
  e: { method: number; crc: number; size: number; fullSize: number; nameLength: number },
): void {
  buf.writeUInt16LE(VERSION, at);
  buf.writeUInt16LE(FLAG_UTF8, at + 2);
  buf.writeUInt16LE(e.method, at + 4);
  buf.writeUInt16LE(DOS_TIME, at + 6);
  buf.writeUInt16LE(DOS_DATE, at + 8);
  buf.writeUInt32LE(e.crc, at + 10);
  buf.writeUInt32LE(e.size, at + 14);
  buf.writeUInt32LE(e.fullSize, at + 18);
  buf.writeUInt16LE(e.nameLength, at + 22);
}

/** zlib's own CRC-32 where Node has it (20.15 and later), else the same sum from a table. */
export function crc32(data: Uint8Array): number {
  return typeof zlib.crc32 === "function" ? zlib.crc32(data) : crc32ByTable(data);
}

let table: Uint32Array | null = null;

export function crc32ByTable(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
