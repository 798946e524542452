/**
 * The parts of an .xlsx package, inflated one at a time when asked for, within limits. The zip
 * container (PKWARE APPNOTE 6.3) is read from its central directory as src/cli/zip.ts does; unlike
 * it, nothing is inflated up front (images and printer settings never are), and a part is refused
 * before inflating when the sizes declared for it are over the limits, or while inflating when its
 * data outgrows what was declared: a zip bomb is refused in milliseconds, within bounded memory.
 */
import * as zlib from "node:zlib";
import { crc32 } from "../zip";
import { PackageError } from "./errors";
import { isZip, refuseNonZip } from "./sniff";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

export interface PackageLimits {
  /** Uncompressed bytes of all the parts read, together. */
  maxTotal: number;
  /** Uncompressed bytes of one part. */
  maxPart: number;
  /** Uncompressed ÷ compressed, for a part larger than ratioFloor. */
  maxRatio: number;
  ratioFloor: number;
}

/**
 * A 240-sheet workbook holds 4 MB of XML; Excel's own limits (1,048,576 rows) make 256 MB of sheet
 * XML an extreme workbook. XML deflates 5-20×, up to ~100× for a sheet of repeated rows; deflate's
 * ceiling is 1032×, which only a bomb comes near. All the parts together may declare up to twice
 * maxTotal (images and parts never read count there too).
 */
export const DEFAULT_LIMITS: PackageLimits = {
  maxTotal: 512 * 1024 * 1024,
  maxPart: 256 * 1024 * 1024,
  maxRatio: 250,
  ratioFloor: 2 * 1024 * 1024,
};

interface EntryInfo {
  method: number;
  flags: number;
  crc: number;
  size: number;
  fullSize: number;
  local: number;
}

export class Package {
  private readonly entries = new Map<string, EntryInfo>();
  /** Part names in lower case → the name as stored (part names compare without case, OPC §9.1.1.1). */
  private readonly folded = new Map<string, string>();
  private inflated = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly limits: PackageLimits = DEFAULT_LIMITS,
    /** When given, every part read as UTF-8 text is kept here by its stored name (for the patcher). */
    private readonly keep: Map<string, string> | null = null,
  ) {
    if (!isZip(buf)) refuseNonZip(buf);
    const end = findEndRecord(buf);
    if (end < 0) throw new PackageError("brokenZip", "no end of central directory");
    const count = buf.readUInt16LE(end + 10);
    let at = buf.readUInt32LE(end + 16);
    if (count === 0xffff || at === 0xffffffff) throw new PackageError("tooLarge", "zip64");
    let declared = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_HEADER)
        throw new PackageError("brokenZip", "central directory");
      const nameLength = buf.readUInt16LE(at + 28);
      const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
      const info: EntryInfo = {
        flags: buf.readUInt16LE(at + 8),
        method: buf.readUInt16LE(at + 10),
        crc: buf.readUInt32LE(at + 16),
        size: buf.readUInt32LE(at + 20),
        fullSize: buf.readUInt32LE(at + 24),
        local: buf.readUInt32LE(at + 42),
      };
      at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
      if (name.endsWith("/")) continue;
      declared += info.fullSize;
      this.entries.set(name, info);
      this.folded.set(name.toLowerCase(), name);
    }
    // Refused before anything is inflated: what the package says it unpacks to, all parts together.
    if (declared > limits.maxTotal * 2) throw new PackageError("tooLarge", "");
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The stored name of a part ("xl/workbook.xml", no leading slash), matched without case. */
  find(name: string): string | null {
    const n = name.replace(/^\/+/, "");
    return this.entries.has(n) ? n : (this.folded.get(n.toLowerCase()) ?? null);
  }

  has(name: string): boolean {
    return this.find(name) !== null;
  }

  /** A part's bytes, or null when there is no such part. */
  read(name: string): Buffer | null {
    const stored = this.find(name);
    if (stored === null) return null;
    const e = this.entries.get(stored)!;
    const { buf, limits } = this;
    if (e.flags & 1) throw new PackageError("encrypted");
    if (e.method !== 0 && e.method !== 8) throw new PackageError("brokenZip", `method ${e.method}`);
    if (e.fullSize > limits.maxPart || this.inflated + e.fullSize > limits.maxTotal)
      throw new PackageError("tooLarge", stored);
    if (e.fullSize > limits.ratioFloor && e.fullSize > e.size * limits.maxRatio)
      throw new PackageError("tooLarge", stored);
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL_HEADER)
      throw new PackageError("brokenZip", stored);
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    if (start + e.size > buf.length) throw new PackageError("brokenZip", stored);
    const raw = buf.subarray(start, start + e.size);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else {
      try {
        // Never more than declared: a part whose data outgrows its header is refused mid-way.
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.fullSize) });
      } catch (err) {
        const tooLarge = (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
        throw new PackageError(tooLarge ? "tooLarge" : "brokenZip", stored, err);
      }
    }
    if (data.length !== e.fullSize || crc32(data) !== e.crc) throw new PackageError("brokenZip", stored);
    this.inflated += data.length;
    return data;
  }

  /** A part as text (UTF-8, or UTF-16 with its byte order mark), or null. */
  text(name: string): string | null {
    const data = this.read(name);
    if (data === null) return null;
    if (data[0] === 0xff && data[1] === 0xfe) return data.toString("utf16le", 2);
    if (data[0] === 0xfe && data[1] === 0xff) {
      const swapped = Buffer.from(data.subarray(2));
      return swapped.swap16().toString("utf16le");
    }
    const s = data.toString("utf8");
    const text = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
    this.keep?.set(this.find(name)!, text);
    return text;
  }
}

/** The end of central directory record: the last signature within the final 64 KB + 22 bytes. */
function findEndRecord(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  return -1;
}
