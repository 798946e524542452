/**
 * Parts read with saxes, a streaming XML tokenizer: no tree is built, each part is seen once. Element
 * and attribute names are taken by their local name: SpreadsheetML is read whatever prefix its
 * namespace carries (`<x:c>` from some generators, `<c>` from Excel).
 */
import { SaxesParser } from "saxes";
import { PackageError } from "./errors";

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** The part after a prefix: "x:c" → "c". */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Attributes by local name ("r:id" → "id"); a plain name wins over a prefixed one. */
function localAttrs(attrs: Record<string, string>): Attrs {
  let prefixed = false;
  for (const k in attrs)
    if (k.includes(":")) {
      prefixed = true;
      break;
    }
  if (!prefixed) return attrs;
  const out: Attrs = {};
  for (const k in attrs) {
    const l = localName(k);
    if (!(l in out) || !k.includes(":")) out[l] = attrs[k];
  }
  return out;
}

/** Runs the handlers over one part; a part that is not well-formed XML throws badXml naming it. */
export function parseXml(part: string, xml: string, h: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on("error", (err) => {
    failure ??= err;
  });
  parser.on("opentag", (tag) =>
    h.open(localName(tag.name), localAttrs(tag.attributes as Attrs), tag.isSelfClosing),
  );
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
