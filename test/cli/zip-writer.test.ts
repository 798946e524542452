import JSZip from "jszip";
import { unzipSync } from "fflate";
import { zipEntries } from "../../src/cli/zip-writer";

const entries = (): Record<string, Uint8Array> => ({
  "[Content_Types].xml": new TextEncoder().encode('<?xml version="1.0"?><Types/>'),
  "xl/worksheets/sheet1.xml": new TextEncoder().encode("<row>".repeat(5000) + "進捗 ✓"),
  "xl/empty.bin": new Uint8Array(0),
  "xl/名前.xml": new TextEncoder().encode("utf-8 name"),
});

describe("zipEntries", () => {
  it.each([6, 1, 0])("level %i: another zip reader gets every entry back, CRCs checked", async (level) => {
    const zip = zipEntries(entries(), level);
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    const names = Object.keys(read.files);
    expect(names).toEqual(Object.keys(entries()));
    for (const [name, data] of Object.entries(entries()))
      expect(Buffer.from(await read.file(name)!.async("uint8array"))).toEqual(Buffer.from(data));
    expect(unzipSync(new Uint8Array(zip))["xl/名前.xml"]).toEqual(entries()["xl/名前.xml"]);
  });

  it("deflates (level 6 much smaller than stored) and gives the same bytes for the same entries", () => {
    const deflated = zipEntries(entries(), 6);
    expect(deflated.length).toBeLessThan(zipEntries(entries(), 0).length / 10);
    expect(zipEntries(entries(), 6).equals(deflated)).toBe(true);
  });
});
