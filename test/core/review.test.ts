/** The review loop, the checklist and the findings' CSV in the engine alone (no host). */
import { analyse, planFindings, planSummary } from "../../src/core/engine";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import type { CellValue, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { parseA1 } from "../../src/core/grid/address";
import { buildChecklist, statusIsDue } from "../../src/core/checklist/checklist";
import { stateOf } from "../../src/core/review/findings-sheet";
import { keyFindings } from "../../src/core/review/review";
import { findingRows } from "../../src/core/plan/findings-plan";
import { japaneseDate } from "../../src/core/values/japanese-date";
import { findingsCsv } from "../../src/core/report/findings-csv";
import { cellWrites } from "../../src/core/plan/edit-plan";
import { readWorkbook } from "../../src/core/layout/read-workbook";
import { miniForm, type MiniFormOptions } from "./helpers/mini-form";
import { applyPlan } from "./helpers/apply-plan";

const AS_OF = new Date(2017, 5, 30, 12);
const SHEET = DEFAULT_CONFIG.findingsSheetName;

function setCell(wb: WorkbookSnapshot, sheet: string, a1: string, v: CellValue): WorkbookSnapshot {
  const { row, col } = parseA1(a1);
  const sheets = wb.sheets.map((s) => {
    if (s.name !== sheet) return s;
    const values = s.values.map((r) => [...r]);
    while (values.length <= row) values.push([]);
    while (values[row].length <= col) values[row].push(null);
    values[row][col] = v;
    return { ...s, values };
  });
  return { ...wb, sheets };
}

/** Row (1-based, as staff see it) of the findings sheet holding a finding of `code` at `cell`. */
function rowOf(wb: WorkbookSnapshot, code: string, cell: string): number {
  const s = wb.sheets.find((x) => x.name === SHEET)!;
  const i = s.values.findIndex((r) => r[5] === code && r[3] === cell);
  expect(i).toBeGreaterThan(0);
  return i + 1;
}

describe("review loop in the engine", () => {
  // Two statuses the vocabulary does not know: two warnings, one per cell.
  const form: MiniFormOptions = { statuses: ["やや遅れ", "ほぼ順調"] };
  const base = (): WorkbookSnapshot => ({ sheets: [miniForm(form)] });

  it("a marked finding is reviewed while its cell keeps its value, and open again once it changes", () => {
    const a0 = analyse(base(), DEFAULT_CONFIG, { asOf: AS_OF });
    const unknown = a0.findings.filter((f) => f.code === "status/unknown");
    expect(unknown.map((f) => f.cell)).toEqual(["E9", "G9"]);
    const written = applyPlan(base(), planFindings(a0, base()).plan);
    // The findings sheet is ours: not read as a form, nor reported as a sheet without one.
    const again = analyse(written, DEFAULT_CONFIG, { asOf: AS_OF });
    expect(again.read.findingsSheets).toEqual([SHEET]);
    expect(again.findings).toEqual(a0.findings);

    const r = rowOf(written, "status/unknown", "E9");
    let marked = setCell(written, SHEET, `H${r}`, "確認済み");
    marked = setCell(marked, SHEET, `I${r}`, "市の独自区分");
    const a1 = analyse(marked, DEFAULT_CONFIG, { asOf: AS_OF });
    expect(a1.reviewed.map((f) => [f.cell, f.review])).toEqual([
      ["E9", { state: "confirmed", note: "市の独自区分" }],
    ]);
    expect(a1.findings.filter((f) => f.code === "status/unknown").map((f) => f.cell)).toEqual(["G9"]);

    const changed = setCell(marked, "No1", "E9", "少し遅れ");
    const a2 = analyse(changed, DEFAULT_CONFIG, { asOf: AS_OF });
    expect(a2.reviewed).toEqual([]);
    expect(a2.findings.filter((f) => f.code === "status/unknown").map((f) => f.cell)).toEqual(["E9", "G9"]);
  });

  it("修正済み and 未対応 never make a finding reviewed; unknown words count as 未対応", () => {
    const a0 = analyse(base(), DEFAULT_CONFIG, { asOf: AS_OF });
    const written = applyPlan(base(), planFindings(a0, base()).plan);
    for (const word of ["修正済み", "未対応", "あとで", ""]) {
      const marked = setCell(written, SHEET, `H${rowOf(written, "status/unknown", "E9")}`, word);
      expect(analyse(marked, DEFAULT_CONFIG, { asOf: AS_OF }).reviewed).toEqual([]);
    }
  });

  it("rows keep their marks when staff sort the table: each row is found by its hidden key", () => {
    const a0 = analyse(base(), DEFAULT_CONFIG, { asOf: AS_OF });
    const written = applyPlan(base(), planFindings(a0, base()).plan);
    const s = written.sheets.find((x) => x.name === SHEET)!;
    const marked = setCell(written, SHEET, `H${rowOf(written, "status/unknown", "G9")}`, "対応不要");
    // Reverse the body rows (header on row 4), as a sort in Excel would move them.
    const ms = marked.sheets.find((x) => x.name === SHEET)!;
    const sorted = { ...ms, values: [...ms.values.slice(0, 4), ...ms.values.slice(4).reverse()] };
    expect(sorted.values[4]).not.toEqual(s.values[4]);
    const a1 = analyse({ sheets: [marked.sheets[0], sorted] }, DEFAULT_CONFIG, { asOf: AS_OF });
    expect(a1.reviewed.map((f) => [f.cell, f.review?.state])).toEqual([["G9", "notNeeded"]]);
  });

  it("the rewritten sheet carries each mark by key, and a reopened one asks to check it again", () => {
    const a0 = analyse(base(), DEFAULT_CONFIG, { asOf: AS_OF });
    const written = applyPlan(base(), planFindings(a0, base()).plan);
    const r = rowOf(written, "status/unknown", "E9");
    const marked = setCell(setCell(written, SHEET, `H${r}`, "確認済み"), SHEET, `I${r}`, "メモ");
    const changed = setCell(marked, "No1", "E9", "少し遅れ");
    const a = analyse(changed, DEFAULT_CONFIG, { asOf: AS_OF });
    const rows = findingRows({
      keyed: a.keyed,
      marks: a.marks,
      items: a.read.items,
      config: a.config,
      lang: "ja",
    });
    const row = rows.find((x) => x.cell === "E9" && x.code === "status/unknown")!;
    expect(row.state).toBe("未対応");
    expect(row.note).toMatch(/^［再確認: 「確認済み」の後に.*］ メモ$/);
    // The flag is put in front once, not again on every run.
    const rewritten = applyPlan(changed, planFindings(a, changed).plan);
    const a3 = analyse(rewritten, DEFAULT_CONFIG, { asOf: AS_OF });
    const row3 = findingRows({
      keyed: a3.keyed,
      marks: a3.marks,
      items: a3.read.items,
      config: a3.config,
      lang: "ja",
    });
    expect(row3.find((x) => x.cell === "E9" && x.code === "status/unknown")!.note).toBe(row.note);
  });

  it("plans the sheet: the table, a dropdown on 対応, the key columns hidden, A4 landscape", () => {
    const a0 = analyse(base(), DEFAULT_CONFIG, { asOf: AS_OF });
    const { plan, sheetName } = planFindings(a0, base());
    expect(sheetName).toBe(SHEET);
    const e = plan.edits[0];
    expect(e.kind).toBe("owned");
    const n = a0.findings.length;
    expect(e.tables).toEqual([
      {
        name: "Shinchoku_Findings",
        range: { top: 3, left: 0, bottom: 3 + n, right: 10 },
        style: "TableStyleLight9",
      },
    ]);
    expect(e.validations).toEqual([
      {
        range: { top: 4, left: 7, bottom: 3 + n, right: 7 },
        list: ["未対応", "修正済み", "確認済み", "対応不要"],
      },
    ]);
    expect(e.hiddenColumns).toEqual([9, 10]);
    expect(e.pageSetup).toMatchObject({ paperSize: "A4", orientation: "landscape", fitToWidth: 1 });
    expect(e.hyperlinks.map((h) => [h.sheet, h.cell])).toEqual(
      a0.findings.filter((f) => f.cell).map((f) => [f.sheet, f.cell]),
    );
    const header = cellWrites(e.writes)
      .filter((w) => w.row === 3)
      .map((w) => w.value);
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
  });

  it("keys tell apart two findings of one code on one cell, in the engine's order", () => {
    const f = { code: "x/y", severity: "warning" as const, itemNo: "1", sheet: "S", cell: "A1", params: {} };
    const keyed = keyFindings([f, { ...f, params: { year: 2016 } }], new Map());
    expect(keyed.map((k) => k.key)).toEqual(["x/y|S|A1|1", "x/y|S|A1|1#2"]);
    expect(keyed[0].fingerprint).not.toBe(keyed[1].fingerprint);
  });

  it("reads 対応 words after NFKC and the states' own codes", () => {
    expect(stateOf(" 確認済み ", DEFAULT_CONFIG)).toBe("confirmed");
    expect(stateOf("対応不要", DEFAULT_CONFIG)).toBe("notNeeded");
    expect(stateOf("confirmed", DEFAULT_CONFIG)).toBe("confirmed");
    expect(stateOf("修正済み", DEFAULT_CONFIG)).toBe("fixed");
    expect(stateOf("確認", DEFAULT_CONFIG)).toBe("open");
  });
});

describe("the findings sheet is ours by its name, not by its marker (issue 15 point 3)", () => {
  const form: MiniFormOptions = { statuses: ["やや遅れ", "ほぼ順調"] };
  const base = (): WorkbookSnapshot => ({ sheets: [miniForm(form)] });
  const written = () => {
    const a0 = analyse(base(), DEFAULT_CONFIG, { asOf: AS_OF });
    return applyPlan(base(), planFindings(a0, base()).plan);
  };
  const withoutNames = (wb: WorkbookSnapshot): WorkbookSnapshot => ({ sheets: wb.sheets });
  const marked = (wb: WorkbookSnapshot) =>
    setCell(wb, SHEET, `H${rowOf(wb, "status/unknown", "E9")}`, "確認済み");

  it("writes _Shinchoku.Findings over the table it writes, and reads the sheet it names even renamed", () => {
    const a0 = analyse(base(), DEFAULT_CONFIG, { asOf: AS_OF });
    const { plan } = planFindings(a0, base());
    const rows = plan.edits[0].writes.reduce((n, w) => Math.max(n, w.row + 1), 0);
    expect(plan.names).toEqual([
      {
        name: "_Shinchoku.Findings",
        refersTo: `'${SHEET}'!$A$1:$K$${rows}`,
        comment: "Shinchoku: findings sheet (指摘一覧)",
      },
    ]);
    // Staff rename the sheet: the name (Excel moves it along) still says it is ours.
    const wb = marked(written());
    const renamed: WorkbookSnapshot = {
      sheets: wb.sheets.map((s) => (s.name === SHEET ? { ...s, name: "確認用" } : s)),
      names: wb.names!.map((n) => ({ ...n, refersTo: n.refersTo.replace(SHEET, "確認用") })),
    };
    const a = analyse(renamed, DEFAULT_CONFIG, { asOf: AS_OF });
    expect(a.read.findingsSheets).toEqual(["確認用"]);
    expect(a.reviewed.map((f) => f.cell)).toEqual(["E9"]);
  });

  it("a sheet with the marker alone is a staff sheet when our name points elsewhere", () => {
    const wb = written();
    // A staff copy of the sheet (Excel copies the marker, not our workbook-scoped name).
    const copy = { ...wb.sheets.find((s) => s.name === SHEET)!, name: "写し" };
    const a = analyse({ sheets: [...wb.sheets, copy], names: wb.names }, DEFAULT_CONFIG, { asOf: AS_OF });
    expect(a.read.findingsSheets).toEqual([SHEET]);
  });

  it("without our name, a marked sheet of exactly our shape is adopted, marks and all", () => {
    const wb = withoutNames(marked(written()));
    const a = analyse(wb, DEFAULT_CONFIG, { asOf: AS_OF });
    expect(a.read.findingsSheets).toEqual([SHEET]);
    expect(a.reviewed.map((f) => f.cell)).toEqual(["E9"]);
    const { plan, sheetName } = planFindings(a, wb);
    expect(sheetName).toBe(SHEET);
    expect(plan.names.map((n) => n.name)).toEqual(["_Shinchoku.Findings"]);
  });

  it.each([
    ["a note right of the table", "M6", "部長確認待ち"],
    ["a figure in the blank row above the header", "C3", 42],
    ["a word next to the title", "D1", "控え"],
  ])(
    "without our name, a sheet with the marker and %s is not ours: never cleared, never read",
    (_w, a1, v) => {
      const wb = setCell(withoutNames(marked(written())), SHEET, a1, v);
      const a = analyse(wb, DEFAULT_CONFIG, { asOf: AS_OF });
      expect(a.read.findingsSheets).toEqual([]);
      expect(a.reviewed).toEqual([]);
      const { plan, sheetName } = planFindings(a, wb);
      expect(sheetName).toBe(`${SHEET} (Shinchoku)`);
      expect(plan.edits.map((e) => e.sheet)).toEqual([`${SHEET} (Shinchoku)`]);
    },
  );

  it("a sheet whose header staff changed is not adopted without our name", () => {
    const wb = setCell(withoutNames(written()), SHEET, "G4", "指摘内容");
    expect(analyse(wb, DEFAULT_CONFIG, { asOf: AS_OF }).read.findingsSheets).toEqual([]);
  });

  it("on our named sheet, what staff typed outside the table is written back and reported", () => {
    const wb = setCell(setCell(written(), SHEET, "M6", "部長確認待ち"), SHEET, "A40", "=1+1");
    const a = analyse(wb, DEFAULT_CONFIG, { asOf: AS_OF });
    expect(a.read.findingsSheets).toEqual([SHEET]);
    const r = planFindings(a, wb);
    // Row by row, as the sheet is read.
    expect(r.findings.map((f) => [f.code, f.cell, f.params.value])).toEqual([
      ["fill/area-edited", "M6", "部長確認待ち"],
      ["fill/area-edited", "A40", "=1+1"],
    ]);
    const after = applyPlan(wb, r.plan);
    const sheet = after.sheets.find((s) => s.name === SHEET)!;
    expect(sheet.values[5][12]).toBe("部長確認待ち");
    expect(sheet.values[39][0]).toBe("=1+1");
  });
});

describe("checklist of entries now due", () => {
  const items = (o: MiniFormOptions) => readWorkbook({ sheets: [miniForm(o)] }, DEFAULT_CONFIG).items;
  const blank: MiniFormOptions = { statuses: [null, null], grades: [null, null], actual: [110, null] };

  it("the mid-year status is due from 1 October; actuals and grades once the year is over", () => {
    expect(statusIsDue(2016, new Date(2016, 8, 30, 23))).toBe(false);
    expect(statusIsDue(2016, new Date(2016, 9, 1, 0))).toBe(true);

    expect(buildChecklist(items(blank), new Date(2016, 8, 30, 12))).toEqual([
      {
        itemNo: "1",
        title: "テストの改革項目",
        department: "",
        fiscalYear: 2015,
        missing: ["status", "grade"],
        sheet: "No1",
        cell: "E9",
      },
    ]);
    const oct = buildChecklist(items(blank), new Date(2016, 9, 1, 12));
    expect(oct.map((c) => [c.fiscalYear, c.missing, c.cell])).toEqual([
      [2015, ["status", "grade"], "E9"],
      [2016, ["status"], "G9"],
    ]);
    const april = buildChecklist(items(blank), new Date(2017, 3, 1, 12));
    expect(april.map((c) => [c.fiscalYear, c.missing, c.cell])).toEqual([
      [2015, ["status", "grade"], "E9"],
      [2016, ["status", "actual", "grade"], "G9"],
    ]);
    // With the status in, the first missing entry is the actual: its (blank) cell.
    const statusIn = buildChecklist(
      items({ ...blank, statuses: ["順調", "順調"] }),
      new Date(2017, 3, 1, 12),
    );
    expect(statusIn.map((c) => [c.fiscalYear, c.missing, c.cell])).toEqual([
      [2015, ["grade"], "E12"],
      [2016, ["actual", "grade"], "G6"],
    ]);
  });

  it("the summary sheet lists them in a table of its own below everything else, linked to the cells", () => {
    const wb = { sheets: [miniForm(blank)] };
    const a = analyse(wb, DEFAULT_CONFIG, { asOf: new Date(2017, 3, 1, 12) });
    const e = planSummary(a, wb).plan.edits[0];
    const t = e.tables.find((x) => x.name === "Shinchoku_Checklist")!;
    const others = e.tables.filter((x) => x !== t);
    expect(t.range.top).toBeGreaterThan(Math.max(...others.map((x) => x.range.bottom)));
    for (const c of e.charts) expect(t.range.top).toBeGreaterThan(c.anchor.row + c.anchor.heightRows - 1);
    const cells = cellWrites(e.writes).filter((w) => w.row > t.range.top && w.row <= t.range.bottom);
    const rows = [t.range.top + 1, t.range.top + 2].map((r) =>
      cells.filter((w) => w.row === r).map((w) => w.value),
    );
    expect(rows).toEqual([
      ["", "1", "テストの改革項目", "平成27年度", "取組の状況・年度評価", "No1!E9"],
      ["", "1", "テストの改革項目", "平成28年度", "取組の状況・実績・年度評価", "No1!G9"],
    ]);
    expect(e.hyperlinks.filter((h) => h.row > t.range.top).map((h) => h.cell)).toEqual(["E9", "G9"]);
    // Nothing due: a line that says so, no table.
    const done = analyse({ sheets: [miniForm({})] }, DEFAULT_CONFIG, { asOf: new Date(2017, 3, 1, 12) });
    const e2 = planSummary(done, { sheets: [miniForm({})] }).plan.edits[0];
    expect(e2.tables.some((x) => x.name === "Shinchoku_Checklist")).toBe(false);
    expect(cellWrites(e2.writes).some((w) => w.value === "期限を過ぎた未入力はありません。")).toBe(true);
  });

  it("a complete form has nothing missing, and the JSON report lists the checklist", () => {
    expect(buildChecklist(items({}), new Date(2020, 0, 1))).toEqual([]);
    const a = analyse({ sheets: [miniForm(blank)] }, DEFAULT_CONFIG, { asOf: new Date(2016, 9, 1, 12) });
    expect(a.checklist).toHaveLength(2);
  });
});

describe("findings as CSV and dates on our sheets", () => {
  const row = (message: string, note = "") => ({
    itemNo: "28",
    department: "市民協働課",
    sheet: "H27-28",
    cell: "D14",
    severity: "警告",
    code: "a/b",
    message,
    state: "未対応",
    note,
    key: "k",
    fingerprint: "f",
    link: null,
  });

  it("is UTF-8 with a BOM and CRLF, quotes every field, doubles quotes, keeps line breaks inside", () => {
    const csv = findingsCsv([row('値 "1,2OO" は数値ではありません', "一行目\n二行目")]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n")).toEqual([
      '\uFEFF"No.","担当課","シート","セル","重要度","コード","内容","対応","備考"',
      '"28","市民協働課","H27-28","D14","警告","a/b","値 ""1,2OO"" は数値ではありません","未対応","一行目\n二行目"',
      "",
    ]);
  });

  it("puts an apostrophe before text Excel would run as a formula, not before a negative number", () => {
    const csv = findingsCsv([row('=HYPERLINK("http://x")', "-5"), row("@SUM(A1)", "+1")]);
    const lines = csv.split("\r\n");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")","未対応","-5"`);
    expect(lines[2]).toContain(`"'@SUM(A1)","未対応","'+1"`);
  });

  it("names the file of each row when the rows come from several workbooks", () => {
    const csv = findingsCsv([row("a"), row("b")], ["a.xlsx", "b.xlsx"]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFF"ファイル","No\."/);
    expect(lines[2].startsWith('"b.xlsx","28"')).toBe(true);
  });

  it("writes dates in the Japanese era of the day (Reiwa from 1 May 2019)", () => {
    expect(japaneseDate(new Date(2019, 3, 30))).toBe("平成31年4月30日");
    expect(japaneseDate(new Date(2019, 4, 1))).toBe("令和元年5月1日");
    expect(japaneseDate(new Date(2019, 5, 30))).toBe("令和元年6月30日");
    expect(japaneseDate(new Date(2026, 11, 3))).toBe("令和8年12月3日");
    expect(japaneseDate(new Date(1989, 0, 7))).toBe("昭和64年1月7日");
  });
});
