/**
 * Package.pack (src/cli/patch/package.ts): a part deflated as soon as it is written, so that its
 * text need not live to the end of the run. It must read, write and zip as an unpacked part does.
 */
import { Package } from "../../src/cli/patch/package";
import { inflateEntry, readRawEntries } from "../../src/cli/patch/raw-zip";
import { zipEntries } from "../../src/cli/zip";

const enc = (s: string) => Buffer.from(s, "utf8");
const input = () =>
  zipEntries({ "a.xml": enc("<a>元の内容</a>"), "b.xml": enc("<b/>"), "c.xml": enc("<c>残る</c>") });
const texts = (zip: Buffer) =>
  Object.fromEntries(readRawEntries(zip).map((e) => [e.name, inflateEntry(e).toString("utf8")]));

describe("a packed part", () => {
  it("reads back, zips and is replaced like any written part", () => {
    const bytes = input();
    const plain = new Package(bytes);
    const packed = new Package(bytes);
    for (const p of [plain, packed]) {
      p.write("a.xml", "<a>新しい内容</a>");
      p.write("d.xml", "<d>追加</d>");
    }
    packed.pack("a.xml");
    packed.pack("d.xml");
    expect(packed.read("a.xml")).toBe("<a>新しい内容</a>");
    expect(packed.toBuffer()).toEqual(plain.toBuffer());
    expect(texts(packed.toBuffer())).toEqual({
      "a.xml": "<a>新しい内容</a>",
      "b.xml": "<b/>",
      "c.xml": "<c>残る</c>",
      "d.xml": "<d>追加</d>",
    });
    packed.write("a.xml", "<a>三度目</a>");
    expect(texts(packed.toBuffer())["a.xml"]).toBe("<a>三度目</a>");
  });

  it("keeps its input bytes when the text written is the one read", () => {
    const bytes = input();
    const p = new Package(bytes);
    p.write("c.xml", "<c>変更</c>");
    p.write("c.xml", "<c>残る</c>");
    p.pack("c.xml");
    const before = readRawEntries(bytes).find((e) => e.name === "c.xml");
    const after = readRawEntries(p.toBuffer()).find((e) => e.name === "c.xml");
    expect(after?.data).toEqual(before?.data);
  });
});
