/**
 * The review loop on real .xlsx files: `run` writes 指摘一覧, staff mark rows in it (here with ExcelJS,
 * as Excel would save them), `validate` reads the marks back, a changed cell reopens its finding, and
 * the marks survive the sheet being written again.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { cli, internalLinks, load } from "./helpers";
import { freshSamples } from "./samples";

const AS_OF = "2019-06-30";

interface JsonFinding {
  severity: string;
  code: string;
  sheet: string | null;
  cell: string | null;
  review?: { state: string; note: string };
}
interface Json {
  findings: JsonFinding[];
  summary: { errors: number; warnings: number; reviewed: number };
  checklist: Array<{ itemNo: string; department: string; fiscalYear: number; missing: string[] }>;
}

/** The findings sheet's table as rows of cell texts (the link cell by its shown text), with the header. */
function tableOf(ws: ExcelJS.Worksheet): { header: string[]; rows: string[][] } {
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return "";
    if (typeof v === "object" && "result" in v) return String(v.result ?? "");
    return String(v);
  };
  const header = (ws.getRow(4).values as ExcelJS.CellValue[]).slice(1).map(text);
  const rows: string[][] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const vs = (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1, header.length + 1).map(text);
    if (vs.some((x) => x !== "")) rows.push(vs);
  }
  return { header, rows };
}

async function validateJson(file: string): Promise<{ code: number; json: Json }> {
  const r = await cli("validate", file, "--json", "--as-of", AS_OF, "--no-progress");
  return { code: r.code, json: JSON.parse(r.stdout) as Json };
}

describe("指摘一覧: run writes it, validate reads staff's marks back (CLI, real .xlsx)", () => {
  let dir: string;
  let out1: string;
  let first: Json;

  beforeAll(async () => {
    const s = await freshSamples();
    dir = s.dir;
    out1 = path.join(dir, "out1.xlsx");
    const r = await cli("run", s.plan, "-o", out1, "--as-of", AS_OF, "--no-progress");
    expect(r.code).toBe(1);
    first = (await validateJson(out1)).json;
  });

  it("writes one row per finding with the columns staff need, a dropdown, a filter and hidden keys", async () => {
    const wb = await load(out1);
    const ws = wb.getWorksheet(DEFAULT_CONFIG.findingsSheetName)!;
    expect(ws).toBeDefined();
    expect(String(ws.getCell("A1").value)).toContain(DEFAULT_CONFIG.findingsMarker);
    // The date as Japanese documents write it.
    expect(String(ws.getCell("A2").value)).toContain("令和元年6月30日");
    const { header, rows } = tableOf(ws);
    expect(header).toEqual([
      "No.",
      "担当課",
      "シート",
      "セル",
      "重要度",
      "コード",
      "内容",
      "対応",
      "備考",
      "照合キー",
      "照合値",
    ]);
    expect(rows).toHaveLength(first.findings.length);
    expect(rows.length).toBeGreaterThan(5);
    const f0 = first.findings[0];
    expect(rows[0].slice(0, 6)).toEqual(["28", "市民協働課", f0.sheet, f0.cell, "警告", f0.code]);
    expect(rows.every((r) => r[7] === "未対応")).toBe(true);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["エラー", "警告"]));
    // The cell is a link to the finding's cell: Excel's own internal link (a location, no
    // relationship), which ExcelJS reads as the cell's hyperlink.
    expect(ws.getCell("D5").value).toBe(f0.cell);
    expect(internalLinks(out1, ws.name).get("D5")).toBe(`'${f0.sheet}'!${f0.cell}`);
    // 対応 offers the four words as a list; the key columns are hidden.
    expect(ws.getCell("H5").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"未対応,修正済み,確認済み,対応不要"'],
    });
    expect(ws.getCell(`H${4 + rows.length}`).dataValidation?.type).toBe("list");
    expect(ws.getColumn(10).hidden).toBe(true);
    expect(ws.getColumn(11).hidden).toBe(true);
    expect(ws.getColumn(9).hidden).toBe(false);
    // An Excel table over it: filter buttons on every column, so one department's rows can be shown alone.
    const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    expect(Object.keys(tables)).toEqual(["Shinchoku_Findings"]);
    expect(tables.Shinchoku_Findings.table.tableRef).toBe(`A4:K${4 + rows.length}`);
  });

  it("is not read as a form sheet, and validating the output finds what it found before", () => {
    expect(first.findings.some((f) => f.sheet === DEFAULT_CONFIG.findingsSheetName)).toBe(false);
    expect(first.summary.reviewed).toBe(0);
  });

  describe("after staff mark rows", () => {
    let marked: string;
    let before: Json;
    let markedRows: string[][];

    beforeAll(async () => {
      marked = path.join(dir, "marked.xlsx");
      const wb = await load(out1);
      const ws = wb.getWorksheet(DEFAULT_CONFIG.findingsSheetName)!;
      // As staff would: the two first warnings accepted, one not needed, one said fixed (still there).
      ws.getCell("H5").value = "確認済み";
      ws.getCell("I5").value = "見込み値のまま公表済み（担当課確認）";
      ws.getCell("H6").value = "対応不要";
      ws.getCell("H7").value = "修正済み";
      markedRows = tableOf(ws).rows;
      await wb.xlsx.writeFile(marked);
      before = first;
    });

    it("validate lists the marked rows as reviewed, not counted, with state and note", async () => {
      const { json } = await validateJson(marked);
      const reviewed = json.findings.filter((f) => f.review);
      expect(reviewed).toHaveLength(2);
      expect(reviewed[0]).toMatchObject({
        sheet: markedRows[0][2],
        cell: markedRows[0][3],
        code: markedRows[0][5],
        review: { state: "confirmed", note: "見込み値のまま公表済み（担当課確認）" },
      });
      expect(reviewed[1]).toMatchObject({ cell: markedRows[1][3], review: { state: "notNeeded", note: "" } });
      // 修正済み while the finding is still there: open.
      const fixed = json.findings.find((f) => f.cell === markedRows[2][3] && f.sheet === markedRows[2][2]);
      expect(fixed?.review).toBeUndefined();
      expect(json.summary.warnings).toBe(before.summary.warnings - 2);
      expect(json.summary.errors).toBe(before.summary.errors);
      expect(json.summary.reviewed).toBe(2);
    });

    it("the text report says how many were reviewed", async () => {
      const r = await cli("validate", marked, "--as-of", AS_OF, "--no-progress");
      expect(r.stdout).toContain("指摘一覧で確認済み・対応不要: 2 件");
      // And what is missing, by department, with the cell to fill.
      expect(r.stdout).toContain("未入力の確認（期限を過ぎた取組の状況・実績・年度評価）: 1 件");
      expect(r.stdout).toContain("市民協働課  No.31 平成29年度: 実績  (No.31 H29-30!H15)");
    });

    it("errors marked 確認済み no longer count in the exit status", async () => {
      const wb = await load(marked);
      const ws = wb.getWorksheet(DEFAULT_CONFIG.findingsSheetName)!;
      const { rows } = tableOf(ws);
      rows.forEach((r, i) => {
        if (r[4] === "エラー") ws.getCell(`H${5 + i}`).value = "確認済み";
      });
      const allErrors = path.join(dir, "errors-confirmed.xlsx");
      await wb.xlsx.writeFile(allErrors);
      const { code, json } = await validateJson(allErrors);
      expect(json.summary.errors).toBe(0);
      expect(code).toBe(0);
    });

    it("run again keeps staff's marks and notes in the new sheet", async () => {
      const out2 = path.join(dir, "out2.xlsx");
      await cli("run", marked, "-o", out2, "--as-of", AS_OF, "--no-progress");
      const { rows } = tableOf((await load(out2)).getWorksheet(DEFAULT_CONFIG.findingsSheetName)!);
      expect(rows.map((r) => r.slice(0, 9))).toEqual(markedRows.map((r) => r.slice(0, 9)));
      const { json } = await validateJson(out2);
      expect(json.summary.reviewed).toBe(2);
    });

    it("a change to a marked cell opens its finding again, and the next run asks to check it again", async () => {
      const wb = await load(marked);
      const [sheet, cell] = [markedRows[0][2], markedRows[0][3]];
      const ws = wb.getWorksheet(sheet)!;
      const old = String(ws.getCell(cell).value);
      // Still an estimate, but another figure: the warning stays, with another value.
      ws.getCell(cell).value = old.replace(/^\d+/, "940");
      expect(String(ws.getCell(cell).value)).not.toBe(old);
      const changed = path.join(dir, "changed.xlsx");
      await wb.xlsx.writeFile(changed);

      const { json } = await validateJson(changed);
      const f = json.findings.find((x) => x.sheet === sheet && x.cell === cell);
      expect(f).toBeDefined();
      expect(f!.review).toBeUndefined();
      expect(json.summary.reviewed).toBe(1);
      // The baseline "930(見込み)" is text, written as a value in the area and the summary: both were
      // made from the old figure now (fill/stale, summary/stale, two more warnings).
      const stale = json.findings.filter((x) => x.code.endsWith("/stale")).map((x) => [x.code, x.sheet]);
      expect(stale).toEqual([
        ["fill/stale", sheet],
        ["summary/stale", DEFAULT_CONFIG.summarySheetName],
      ]);
      expect(json.summary.warnings).toBe(before.summary.warnings - 1 + stale.length);

      const out3 = path.join(dir, "out3.xlsx");
      await cli("run", changed, "-o", out3, "--as-of", AS_OF, "--no-progress");
      const { rows } = tableOf((await load(out3)).getWorksheet(DEFAULT_CONFIG.findingsSheetName)!);
      const row = rows.find((r) => r[2] === sheet && r[3] === cell)!;
      expect(row[7]).toBe("未対応");
      expect(row[8]).toContain("再確認");
      expect(row[8]).toContain("見込み値のまま公表済み（担当課確認）");
      // Validating that output: the row is open, the other mark still holds.
      const again = (await validateJson(out3)).json;
      expect(again.summary.reviewed).toBe(1);
    });

    it("validate --findings-csv writes the rows with the marks, UTF-8 with BOM, every field quoted", async () => {
      const csv = path.join(dir, "findings.csv");
      const r = await cli("validate", marked, "--findings-csv", csv, "--as-of", AS_OF, "--no-progress");
      expect(r.stdout).toContain(csv);
      const bytes = fs.readFileSync(csv);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8").slice(1);
      const lines = text.split("\r\n");
      expect(lines[0]).toBe('"No.","担当課","シート","セル","重要度","コード","内容","対応","備考"');
      expect(lines).toHaveLength(markedRows.length + 2); // header, rows, and the final line end
      expect(lines[lines.length - 1]).toBe("");
      expect(lines[1]).toContain('"確認済み","見込み値のまま公表済み（担当課確認）"');
      expect(lines[1].startsWith('"28","市民協働課",')).toBe(true);
    });
  });
});
