/**
 * What a file is, from its first bytes, when it is not a zip: nothing, an Excel 97-2003 workbook, a
 * workbook with a password to open (both are CFB containers, [MS-CFB]; an encrypted .xlsx is one
 * holding the streams EncryptionInfo and EncryptedPackage, [MS-OFFCRYPTO] 2.3.4), text, or other bytes.
 */
import { PackageError } from "./errors";

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty zip: only the end record
];

export function isZip(buf: Buffer): boolean {
  return ZIP_SIGNATURES.some((s) => s.every((b, i) => buf[i] === b));
}

/** Throws the PackageError that says what `buf` is, for bytes that are not a zip. */
export function refuseNonZip(buf: Buffer): never {
  if (buf.length === 0) throw new PackageError("empty");
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_SIGNATURE)) {
    // Directory entry names are UTF-16LE; a byte search finds the stream without parsing the FAT.
    const encrypted =
      buf.includes(Buffer.from("EncryptionInfo", "utf16le")) ||
      buf.includes(Buffer.from("EncryptedPackage", "utf16le"));
    throw new PackageError(encrypted ? "encrypted" : "xls");
  }
  throw new PackageError(looksLikeText(buf) ? "text" : "notZip");
}

/** UTF-8 (or Shift_JIS-free ASCII) text without control bytes other than tab, CR, LF. */
function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 4096);
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true; // UTF-16 BOM
  for (let i = start; i < head.length; i++) {
    const b = head[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13) return false;
  }
  // Shift_JIS and UTF-8 both pass: a CSV from a Japanese Excel is Shift_JIS.
  return true;
}
