/**
 * A zip read entry by entry without inflating, and written back with the untouched entries' compressed
 * bytes copied as they are (PKWARE APPNOTE 6.3). zip.ts inflates every entry, which a patch does not
 * need: only the few parts a plan changes are inflated here, and only those are deflated again.
 * No zip64 and no encryption, as in zip.ts (the reader there has already accepted the file).
 */
import * as zlib from "node:zlib";
import {
  CENTRAL_HEADER,
  crc32,
  DOS_DATE,
  DOS_TIME,
  END_OF_CENTRAL_DIRECTORY,
  FLAG_UTF8,
  LOCAL_HEADER,
  METHOD_DEFLATE,
  METHOD_STORE,
  VERSION,
} from "../zip";

/** Bit 3: sizes and CRC follow the data. Written entries carry them in the header instead. */
const FLAG_DATA_DESCRIPTOR = 0x0008;

/** One entry as it is in the file: its data still compressed. */
export interface RawEntry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  /** The compressed bytes. */
  data: Buffer;
  size: number;
}

export class ZipFormatError extends Error {}

export function readRawEntries(buf: Buffer): RawEntry[] {
  const end = findEndRecord(buf);
  if (end < 0) throw new ZipFormatError("no zip end record");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError("zip64 is not supported");
  const out: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new ZipFormatError("damaged central directory");
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const time = buf.readUInt16LE(at + 12);
    const date = buf.readUInt16LE(at + 14);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (flags & 1) throw new ZipFormatError("encrypted zip entries");
    if (method !== METHOD_STORE && method !== METHOD_DEFLATE)
      throw new ZipFormatError(`zip method ${method} is not supported`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_HEADER)
      throw new ZipFormatError("damaged local header");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw new ZipFormatError("truncated zip entry");
    const name = nameBytes.toString("utf8");
    if (name.endsWith("/")) continue;
    out.push({
      name,
      nameBytes: Buffer.from(nameBytes),
      flags,
      method,
      time,
      date,
      crc,
      data: buf.subarray(start, start + compressed),
      size,
    });
  }
  return out;
}

/** An entry's uncompressed bytes, checked against its CRC. */
export function inflateEntry(e: RawEntry): Buffer {
  const data =
    e.method === METHOD_STORE
      ? e.data
      : zlib.inflateRawSync(e.data, { maxOutputLength: Math.max(1, e.size) });
  if (data.length !== e.size || crc32(data) !== e.crc) throw new ZipFormatError(`${e.name}: damaged data`);
  return data;
}

/**
 * Deflate's fastest level for the parts we rewrite: less than half of level 6's time on worksheet
 * XML, for parts about a sixth larger (docs/performance.md); Excel recompresses whatever it saves.
 */
export const REWRITE_LEVEL = 1;

/** A new entry from uncompressed bytes. */
export function newEntry(name: string, data: Buffer, level = REWRITE_LEVEL): RawEntry {
  return {
    name,
    nameBytes: Buffer.from(name, "utf8"),
    flags: FLAG_UTF8,
    method: METHOD_DEFLATE,
    time: DOS_TIME,
    date: DOS_DATE,
    crc: crc32(data),
    data: zlib.deflateRawSync(data, { level }),
    size: data.length,
  };
}

/** The entries zipped in order, each one's compressed bytes as they are. */
export function writeRawEntries(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const flags = e.flags & ~FLAG_DATA_DESCRIPTOR;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    writeFields(local, 4, e, flags);
    parts.push(local, e.nameBytes, e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL_HEADER, 0);
    dir.writeUInt16LE(VERSION, 4);
    writeFields(dir, 6, e, flags);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, e.nameBytes);
    offset += 30 + e.nameBytes.length + e.data.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  if (entries.length > 0xffff || offset > 0xffffffff) throw new Error("too large for a zip without zip64");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

function writeFields(buf: Buffer, at: number, e: RawEntry, flags: number): void {
  buf.writeUInt16LE(VERSION, at);
  buf.writeUInt16LE(flags, at + 2);
  buf.writeUInt16LE(e.method, at + 4);
  buf.writeUInt16LE(e.time, at + 6);
  buf.writeUInt16LE(e.date, at + 8);
  buf.writeUInt32LE(e.crc, at + 10);
  buf.writeUInt32LE(e.data.length, at + 14);
  buf.writeUInt32LE(e.size, at + 18);
  buf.writeUInt16LE(e.nameBytes.length, at + 22);
}

function findEndRecord(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  return -1;
}
