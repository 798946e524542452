import JSZip from "jszip";
import { crc32, crc32ByTable, rezip, unzipEntries, zipEntries } from "../../src/cli/zip";

const entries = (): Record<string, Uint8Array> => ({
  "[Content_Types].xml": new TextEncoder().encode('<?xml version="1.0"?><Types/>'),
  "xl/worksheets/sheet1.xml": new TextEncoder().encode("<row>".repeat(5000) + "進捗 ✓"),
  "xl/empty.bin": new Uint8Array(0),
  "xl/名前.xml": new TextEncoder().encode("utf-8 name"),
});

const asBuffers = (e: Record<string, Uint8Array> | null) =>
  e && Object.fromEntries(Object.entries(e).map(([k, v]) => [k, Buffer.from(v)]));

describe("zipEntries", () => {
  it.each([6, 1, 0])("level %i: JSZip reads every entry back, CRCs checked", async (level) => {
    const zip = zipEntries(entries(), level);
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(Object.keys(entries()));
    for (const [name, data] of Object.entries(entries()))
      expect(Buffer.from(await read.file(name)!.async("uint8array"))).toEqual(Buffer.from(data));
  });

  it("deflates (level 6 much smaller than stored) and gives the same bytes for the same entries", () => {
    const deflated = zipEntries(entries(), 6);
    expect(deflated.length).toBeLessThan(zipEntries(entries(), 0).length / 10);
    expect(zipEntries(entries(), 6).equals(deflated)).toBe(true);
  });
});

describe("unzipEntries", () => {
  it.each([6, 0])("reads back what zipEntries wrote (level %i), in order", (level) => {
    const back = unzipEntries(zipEntries(entries(), level));
    expect(Object.keys(back ?? {})).toEqual(Object.keys(entries()));
    expect(asBuffers(back)).toEqual(asBuffers(entries()));
  });

  it.each(["DEFLATE", "STORE"] as const)(
    "reads a zip JSZip wrote (%s, with folder entries, which it drops)",
    async (c) => {
      const z = new JSZip();
      for (const [name, data] of Object.entries(entries())) z.file(name, data);
      const buf = await z.generateAsync({ type: "nodebuffer", compression: c });
      expect(asBuffers(unzipEntries(buf))).toEqual(asBuffers(entries()));
    },
  );

  it("returns null for what it does not handle, and never throws on garbage", () => {
    expect(unzipEntries(Buffer.from("not a zip at all"))).toBeNull();
    expect(unzipEntries(Buffer.alloc(0))).toBeNull();
    const zip = zipEntries(entries(), 6);
    const encrypted = Buffer.from(zip);
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
    expect(unzipEntries(encrypted)).toBeNull();
    expect(unzipEntries(zip.subarray(0, zip.length - 30))).toBeNull();
  });
});

describe("unzipEntries: an entry whose two copies disagree goes to ExcelJS instead", () => {
  const zip = () => zipEntries(entries(), 6);
  const centralOf = (buf: Buffer, name: string) => {
    let at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (at >= 0) {
      const n = buf.toString("utf8", at + 46, at + 46 + buf.readUInt16LE(at + 28));
      if (n === name) return at;
      at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    }
    throw new Error(name);
  };

  it("a name that differs between the central directory and the local header", () => {
    const buf = zip();
    const at = centralOf(buf, "[Content_Types].xml");
    buf[at + 46 + 1] = "X".charCodeAt(0);
    expect(unzipEntries(buf)).toBeNull();
  });

  it("a CRC or a size that does not match the data", () => {
    const badCrc = zip();
    const at = centralOf(badCrc, "xl/worksheets/sheet1.xml");
    badCrc.writeUInt32LE(badCrc.readUInt32LE(at + 16) ^ 1, at + 16);
    expect(unzipEntries(badCrc)).toBeNull();
    const badSize = zip();
    const at2 = centralOf(badSize, "xl/worksheets/sheet1.xml");
    badSize.writeUInt32LE(badSize.readUInt32LE(at2 + 24) + 1, at2 + 24);
    expect(unzipEntries(badSize)).toBeNull();
  });

  it("reads a name without the UTF-8 flag as UTF-8, as JSZip does", () => {
    const buf = zip();
    const at = centralOf(buf, "xl/名前.xml");
    buf.writeUInt16LE(buf.readUInt16LE(at + 8) & ~0x0800, at + 8);
    expect(Object.keys(unzipEntries(buf) ?? {})).toContain("xl/名前.xml");
  });
});

describe("rezip", () => {
  it.each([
    [6, 0],
    [0, 6],
    [6, 6],
  ])(
    "from level %i to %i: the bytes unzip-then-zip gives (CRCs carried over), valid for JSZip",
    async (from, to) => {
      const input = zipEntries(entries(), from);
      const out = rezip(input, to);
      expect(out?.equals(zipEntries(unzipEntries(input)!, to))).toBe(true);
      const read = await JSZip.loadAsync(out!, { checkCRC32: true });
      for (const [name, data] of Object.entries(entries()))
        expect(Buffer.from(await read.file(name)!.async("uint8array"))).toEqual(Buffer.from(data));
    },
  );

  it("drops JSZip's folder entries, and gives null for what unzipEntries gives null", async () => {
    const z = new JSZip();
    for (const [name, data] of Object.entries(entries())) z.file(name, data);
    const buf = await z.generateAsync({ type: "nodebuffer", compression: "STORE" });
    expect(rezip(buf)?.equals(zipEntries(entries()))).toBe(true);
    expect(rezip(Buffer.from("not a zip at all"))).toBeNull();
    const badCrc = zipEntries(entries(), 0);
    const central = badCrc.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    badCrc.writeUInt32LE(badCrc.readUInt32LE(central + 16) ^ 1, central + 16);
    expect(rezip(badCrc)).toBeNull();
  });
});

describe("crc32", () => {
  it("the table gives what zlib gives (Node before 20.15 has no zlib.crc32)", () => {
    const data = new TextEncoder().encode("進捗管理シート".repeat(1000));
    expect(crc32ByTable(data)).toBe(crc32(data));
    expect(crc32ByTable(new Uint8Array(0))).toBe(0);
    expect(crc32ByTable(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
