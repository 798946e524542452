import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { cli, sha256 } from "./helpers";
import { freshSamples } from "./samples";

/** A chart part added to a real workbook (enough for the check: ExcelJS drops xl/charts/ on write). */
async function withChart(src: string, dst: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(src));
  zip.file(
    "xl/charts/chart1.xml",
    '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  );
  fs.writeFileSync(dst, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("parts ExcelJS would drop (charts here)", () => {
  // Before the patching writer these stopped --in-place and were announced as lost with -o: the
  // patch copies every part it does not touch, so they now stay, byte for byte.
  it("are kept by run, --in-place and -o alike, the chart part byte for byte", async () => {
    const s = await freshSamples();
    const file = path.join(s.dir, "with-chart.xlsx");
    await withChart(s.pasted, file);
    const chart = async (f: string) =>
      (await JSZip.loadAsync(fs.readFileSync(f))).file("xl/charts/chart1.xml")!.async("nodebuffer");
    const before = await chart(file);
    const out = path.join(s.dir, "o.xlsx");
    const r = await cli("run", file, "-o", out, "--as-of", "2019-06-30", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("cannot be kept");
    expect((await chart(out)).equals(before)).toBe(true);
    const h = sha256(file);
    const inPlace = await cli("run", file, "--in-place", "--as-of", "2019-06-30");
    expect(inPlace.code).toBe(0);
    expect(sha256(file)).not.toBe(h);
    expect((await chart(file)).equals(before)).toBe(true);
  });
});
