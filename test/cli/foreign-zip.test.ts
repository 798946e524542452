import * as path from "path";
import { unzipEntries } from "../../src/cli/zip";
import * as fs from "fs";
import { cli } from "./helpers";

const FOREIGN = path.join(__dirname, "..", "fixtures", "sample-saved-by-libreoffice.xlsx");
const OURS = path.join(__dirname, "..", "..", "samples", "進捗管理シート_サンプル.xlsx");

describe("a workbook saved by another program (LibreOffice Calc)", () => {
  it("unzips with the CLI's own reader (no fallback to ExcelJS's)", () => {
    const entries = unzipEntries(fs.readFileSync(FOREIGN));
    expect(entries).not.toBeNull();
    expect(Object.keys(entries!)).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml"]));
  });

  it("gives the same findings as the sample it was saved from", async () => {
    const foreign = JSON.parse((await cli("validate", FOREIGN, "--as-of", "2019-06-30", "--json")).stdout);
    const ours = JSON.parse((await cli("validate", OURS, "--as-of", "2019-06-30", "--json")).stdout);
    const strip = (r: { findings: Array<Record<string, unknown>> }) =>
      r.findings.map((f) => [f.code, f.severity, f.itemNo, f.sheet, f.cell]);
    expect(strip(foreign)).toEqual(strip(ours));
    expect(strip(ours).length).toBe(15);
  });
});
