/** The preview's cell text, conditional formats and sync meter, without a browser. */
import ExcelJS from "exceljs";
import { cellText, conditionalFormatOf, fillOf, kb, statsOf } from "./grid-model";
import { HIGHLIGHT_FORMULA } from "../../src/excel/highlight";
import type { SimConditionalFormat } from "../sim-excel";

describe("cellText", () => {
  it("shows what Excel shows: values, formula results, rich text, errors, links; markup as it is", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(1090)).toBe("1090");
    expect(cellText(true)).toBe("true");
    expect(cellText("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(cellText({ formula: "B3/C3", result: 0.95 } as ExcelJS.CellFormulaValue)).toBe("0.95");
    expect(cellText({ formula: "B3/C3" } as ExcelJS.CellFormulaValue)).toBe("");
    expect(cellText({ richText: [{ text: "平成" }, { text: "27年度" }] })).toBe("平成27年度");
    expect(cellText({ error: "#DIV/0!" } as ExcelJS.CellErrorValue)).toBe("#DIV/0!");
    expect(cellText({ text: "市のページ", hyperlink: "https://example.jp" })).toBe("市のページ");
    expect(cellText(new Date(Date.UTC(2019, 4, 1)))).toBe("2019-05-01");
  });
});

describe("fillOf", () => {
  it("gives a solid fill's colour as #RRGGBB, nothing for other fills", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("s");
    const a = ws.getCell("A1");
    expect(fillOf(a)).toBeNull();
    a.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    expect(fillOf(a)).toBe("#FFC7CE");
    a.fill = { type: "pattern", pattern: "darkGrid", fgColor: { argb: "FFFFC7CE" } };
    expect(fillOf(a)).toBeNull();
  });
});

describe("conditionalFormatOf", () => {
  const range = { top: 1, left: 1, bottom: 2, right: 2 };
  const cf = (type: SimConditionalFormat["type"], rule: Record<string, string>): SimConditionalFormat => ({
    id: 1,
    type,
    range,
    rule,
    format: { fill: "#FFC7CE", fontColor: "#9C0006" },
  });
  it("applies our error highlight inside its range only", () => {
    const cfs = [cf("Custom", { formula: HIGHLIGHT_FORMULA })];
    expect(conditionalFormatOf(cfs, 1, 1, null)).toEqual({ fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(conditionalFormatOf(cfs, 0, 1, null)).toBeNull();
    expect(conditionalFormatOf(cfs, 2, 3, null)).toBeNull();
  });
  it("evaluates contains-text and equal-to a constant; leaves other formulas alone", () => {
    expect(
      conditionalFormatOf([cf("ContainsText", { text: "遅れ" })], 1, 1, "進捗に遅れあり"),
    ).not.toBeNull();
    expect(conditionalFormatOf([cf("ContainsText", { text: "遅れ" })], 1, 1, "順調")).toBeNull();
    expect(
      conditionalFormatOf([cf("CellValue", { operator: "EqualTo", formula1: '="D"' })], 1, 1, "D"),
    ).not.toBeNull();
    expect(
      conditionalFormatOf([cf("CellValue", { operator: "EqualTo", formula1: "=0" })], 1, 1, 0),
    ).not.toBeNull();
    expect(
      conditionalFormatOf([cf("CellValue", { operator: "EqualTo", formula1: "=0" })], 1, 1, 1),
    ).toBeNull();
    expect(conditionalFormatOf([cf("Custom", { formula: "=B2>100" })], 1, 1, 500)).toBeNull();
  });
});

describe("statsOf", () => {
  it("counts syncs that brought values back as reads, the others as writes, and adds up the bytes", () => {
    const s = statsOf([
      { n: 1, actions: 4, requestBytes: 500, responseBytes: 4 * 30 + 9000, error: null },
      { n: 2, actions: 10, requestBytes: 3000, responseBytes: 10 * 30, error: null },
      { n: 3, actions: 2, requestBytes: 200, responseBytes: 0, error: "RequestPayloadSizeLimitExceeded" },
    ]);
    expect(s).toEqual({ syncs: 3, read: 1, write: 2, requestBytes: 3700, responseBytes: 9420, errors: 1 });
    expect(statsOf([])).toMatchObject({ syncs: 0, read: 0, write: 0 });
  });
  it("prints payloads in B below 1 KB, KB above", () => {
    expect(kb(431)).toBe("431 B");
    expect(kb(42_800)).toBe("41.8 KB");
  });
});
