/**
 * The fast scanner (src/cli/read/scan.ts) gives the events saxes gives, on every part of every
 * fixture and on the XML features it handles itself; on what it does not handle it declines
 * (NotScanned), and the part is read by saxes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Package } from "../../src/cli/read/package";
import { NotScanned, scanXml } from "../../src/cli/read/scan";
import { parseXml, type XmlHandlers } from "../../src/cli/read/xml";
import { PackageError } from "../../src/cli/read/errors";

const ROOT = path.join(__dirname, "..", "..");
const xlsxIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));

function events(drive: (h: XmlHandlers) => void): string[] {
  const out: string[] = [];
  let text = "";
  // Whitespace outside the root is no character data (XML 1.0 §2.8); saxes passes some of it on.
  let depth = 0;
  const flush = () => {
    if (text !== "") out.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  drive({
    open(name, attrs, selfClosing) {
      flush();
      out.push(
        `open ${name} ${JSON.stringify(Object.fromEntries(attrs.keys().map((k) => [k, attrs.get(k)])))} ${selfClosing}`,
      );
      depth++;
    },
    close(name) {
      flush();
      out.push(`close ${name}`);
      depth--;
    },
    text(t) {
      if (depth > 0) text += t; // saxes may split a text node where the scanner does not
    },
  });
  flush();
  return out;
}

const both = (xml: string) => ({
  fast: events((h) => scanXml(xml, h)),
  saxes: events((h) => parseXml("part", xml, h)),
});

describe("the fast scanner gives saxes's events", () => {
  const files = [
    ...xlsxIn(path.join(ROOT, "samples")),
    ...xlsxIn(path.join(ROOT, "test", "fixtures")),
    ...xlsxIn(path.join(ROOT, "test", "fixtures", "readers")),
  ];
  test.each(files.map((f) => [path.relative(ROOT, f), f]))("every XML part of %s", (_, file) => {
    const pkg = new Package(fs.readFileSync(file));
    const parts = pkg.names().filter((n) => /\.(xml|rels)$/.test(n));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      const xml = pkg.text(part)!;
      const { fast, saxes } = both(xml);
      expect([part, fast]).toEqual([part, saxes]);
    }
  });

  test.each([
    ["entities and character references", '<a x="&lt;&amp;&#65;&#x3042;">&quot;&apos;&gt;&#x1F600;</a>'],
    ["CR LF and lone CR in text", "<a>one\r\ntwo\rthree</a>"],
    ["tabs and line ends in attributes", '<a x="1\t2\n3\r\n4"/>'],
    ["single quotes and > inside a value", "<a x='say \"hi\" > there'/>"],
    [
      "CDATA, comments, processing instructions",
      "<?xml version='1.0'?><!-- c --><a><![CDATA[<b>&amp;]]><?pi x?><!-- <b> --></a>",
    ],
    ["prefixes and spaces around =", '<x:a xmlns:x="u" r:id = "rId1" ><x:b/></x:a >'],
    ["text outside the root that is whitespace", "\n<a/>\n"],
  ])("%s", (_, xml) => {
    const { fast, saxes } = both(xml);
    expect(fast).toEqual(saxes);
  });

  test.each([
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["tags that do not nest", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["a second root", "<a/><b/>"],
    ["text outside the root", "x<a/>"],
    ["< in an attribute", '<a x="<"/>'],
    ["a duplicate attribute", '<a x="1" x="2"/>'],
    ["an attribute without quotes", "<a x=1/>"],
  ])("declines %s; saxes then reads it or names the part", (_, xml) => {
    expect(() => scanXml(xml, { open: () => undefined, text: () => undefined })).toThrow(NotScanned);
    try {
      parseXml("xl/worksheets/sheet1.xml", xml, { open: () => undefined });
    } catch (err) {
      expect(err).toBeInstanceOf(PackageError);
      expect((err as PackageError).detail).toBe("xl/worksheets/sheet1.xml");
    }
  });
});
