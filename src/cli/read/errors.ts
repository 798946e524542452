/**
 * Why a file could not be read, as a kind the messages table words in ja and en (messages.ts),
 * never a raw errno code or a library's exception text.
 */

export type ReadErrorKind =
  /** The file system refused: `detail` holds the errno code (ENOENT, EACCES, …), worded by messages.ts. */
  | "io"
  | "empty"
  /** An Excel 97-2003 workbook (BIFF in a CFB container). */
  | "xls"
  /** A CFB container holding EncryptionInfo: a workbook saved with a password to open. */
  | "encrypted"
  /** Text (a CSV or similar) under an .xlsx name. */
  | "text"
  /** Neither a zip nor any container we know. */
  | "notZip"
  /** A zip that cannot be read to its end: truncated, or damaged. */
  | "brokenZip"
  /** A zip that holds no workbook (`detail`: "docx", "pptx", "xlsb" or "" for any other). */
  | "notWorkbook"
  /** Over the size limits (a zip bomb, or larger than the CLI reads). */
  | "tooLarge"
  /** A part of the workbook is not well-formed XML (`detail`: the part's name). */
  | "badXml"
  /** Read by us, but ExcelJS, which the writing commands still write through, cannot read it. */
  | "writerCannotRead";

export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly kind: ReadErrorKind,
    readonly detail = "",
    override readonly cause?: unknown,
  ) {
    super(`${file}: ${kind}${detail ? ` (${detail})` : ""}`);
  }

  /** The English kind and detail: what older code and --debug print. */
  get reason(): string {
    return `${this.kind}${this.detail ? ` (${this.detail})` : ""}`;
  }
}

/** A problem with the bytes, before the file's name is known to the code that found it. */
export class PackageError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    readonly detail = "",
    override readonly cause?: unknown,
  ) {
    super(`${kind}${detail ? ` (${detail})` : ""}`);
  }
}
