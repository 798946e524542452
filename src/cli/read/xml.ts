/**
 * Parts read with saxes, a streaming XML tokenizer: no tree is built, each part is seen once. Element
 * and attribute names are taken by their local name: SpreadsheetML is read whatever prefix its
 * namespace carries (`<x:c>` from some generators, `<c>` from Excel).
 */
import type * as Saxes from "saxes";
import { PackageError } from "./errors";
import { localName, NotScanned, scanXml, type Attrs, type XmlHandlers } from "./scan";

export { localName, type Attrs, type XmlHandlers } from "./scan";

/** Runs the handlers over one part; a part that is not well-formed XML throws badXml naming it. */
export function parseXml(part: string, xml: string, h: XmlHandlers): void {
  // Loaded when a part is first declined by the scanner (or given to saxes directly), not before.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SaxesParser } = require("saxes") as typeof Saxes;
  const parser = new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on("error", (err) => {
    failure ??= err;
  });
  parser.on("opentag", (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    const attrs: Attrs = { get: (k) => attributes[k], keys: () => Object.keys(attributes) };
    h.open(localName(tag.name), attrs, tag.isSelfClosing);
  });
  if (h.close) {
    const close = h.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof PackageError) throw err;
    failure ??= err as Error;
  }
  if (failure) throw new PackageError("badXml", part, failure);
}

/** An attribute by its local name, whatever its prefix ("r:id", "ns1:id"); a plain name first. */
export function attrLocal(attrs: Attrs, local: string): string | undefined {
  const plain = attrs.get(local);
  if (plain !== undefined) return plain;
  const suffix = ":" + local;
  for (const k of attrs.keys()) if (k.endsWith(suffix)) return attrs.get(k);
  return undefined;
}

/**
 * Reads a part with the fast scanner (scan.ts), or, where it declines, again from the start with
 * saxes. `read` gets a driver to run its handlers with, and must keep its state inside the call;
 * `scanner` tells it which driver it has. `scanned`: the text the scanner reads, if the caller has
 * shortened it, and a stretch of it the caller has read itself (saxes reads the whole of `xml`).
 */
export function readPart<T>(
  part: string,
  xml: string,
  read: (drive: (h: XmlHandlers) => void, scanner: boolean) => T,
  scanned: string = xml,
  skip?: { from: number; to: number },
): T {
  try {
    return read((h) => scanXml(scanned, h, skip), true);
  } catch (err) {
    if (!(err instanceof NotScanned)) throw err;
    return read((h) => parseXml(part, xml, h), false);
  }
}
