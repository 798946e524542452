import { analyse, planFill, planSummary } from "../../../src/core/engine";
import { DEFAULT_CONFIG, mergeConfig, type ShinchokuConfig } from "../../../src/core/config/config";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/model/finding";
import { ALL_RULES, ruleByCode } from "../../../src/core/checks";
import { renderMessage } from "../../../src/core/checks/render";
import { miniForm } from "../helpers/mini-form";

const AS_OF = new Date(2026, 10, 24);
const wbOf = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets });
const findingsOf = (wb: WorkbookSnapshot, config: ShinchokuConfig = DEFAULT_CONFIG) =>
  analyse(wb, config, { asOf: AS_OF }).findings;

interface Case {
  code: string;
  severity: Finding["severity"];
  /** A minimal workbook that triggers the rule once. */
  make: () => WorkbookSnapshot;
  sheet: string;
  cell: string;
  /** What the message must say is expected, in each language. */
  ja: RegExp;
  en: RegExp;
}

/** Rules whose findings come out of analyse (the reader's and the checks'). */
const CASES: Case[] = [
  {
    code: "value/not-a-number",
    severity: "error",
    make: () => wbOf(miniForm({ actual: ["1,1OO", 125] })),
    sheet: "No1",
    cell: "E6",
    ja: /「1,1OO」が数値ではありません。数値を入力してください/,
    en: /"1,1OO", not a number\. Enter a number/,
  },
  {
    code: "value/approximate",
    severity: "warning",
    make: () => wbOf(miniForm({ actual: ["約110", 125] })),
    sheet: "No1",
    cell: "E6",
    ja: /窓口利用者数の平成27年度実績「約110」は概数のため、110 として計算しました/,
    en: /the FY2015 actual of "窓口利用者数" is "約110", approximate; it was counted as 110/,
  },
  {
    code: "value/unit-mismatch",
    severity: "warning",
    make: () =>
      wbOf(miniForm({ indicator: "窓口利用者数(人)", plan: ["100人", "120人"], actual: ["110件", 125] })),
    sheet: "No1",
    cell: "E6",
    ja: /「110件」の単位「件」が、この指標の単位「人」と異なります/,
    en: /is "110件", in 件, while the indicator is in 人/,
  },
  {
    code: "value/actual-missing",
    severity: "error",
    make: () => wbOf(miniForm({ actual: [110, null] })),
    sheet: "No1",
    cell: "G6",
    ja: /平成28年度実績が未入力です。年度評価が付いている年度のため、実績を入力してください（計画: 120）/,
    en: /FY2016 actual .* is blank, but the year is already graded\. Enter the actual \(plan: 120\)/,
  },
  {
    code: "value/cumulative-falls",
    severity: "error",
    make: () => wbOf(miniForm({ indicator: "講座受講者数(累計)", plan: [100, 120], actual: [110, 105] })),
    sheet: "No1",
    cell: "G6",
    ja: /累計指標「講座受講者数\(累計\)」の平成28年度実績 105 が前の値 110 を下回っています。累計は減らないはず/,
    en: /cumulative actual .* is 105, below the previous 110\. A running total cannot fall/,
  },
  {
    code: "grade/off-scale",
    severity: "error",
    make: () => wbOf(miniForm({ grades: ["A", "E"] })),
    sheet: "No1",
    cell: "G12",
    ja: /平成28年度の年度評価「E」は評価区分（A\/B\/C\/D）にありません/,
    en: /grade "E" \(FY2016\) is not on the scale \(A\/B\/C\/D\)/,
  },
  {
    code: "value/excel-error",
    severity: "error",
    make: () => wbOf(miniForm({ actual: [{ error: "#DIV/0!" }, 125] })),
    sheet: "No1",
    cell: "E6",
    ja: /Excel のエラー値 #DIV\/0! が入っています。数式や参照先を確認してください/,
    en: /holds the Excel error #DIV\/0!\. Check the formula/,
  },
  {
    code: "item/no-missing",
    severity: "error",
    make: () => wbOf(miniForm({ no: null })),
    sheet: "No1",
    cell: "B3",
    ja: /改革項目「テストの改革項目」に No\. がありません。No\. を入力してください/,
    en: /"テストの改革項目" has no No\. Enter it/,
  },
  {
    code: "item/header-mismatch",
    severity: "error",
    make: () =>
      wbOf(
        miniForm({ sheet: "H27-28" }),
        miniForm({ sheet: "H29-30", title: "別の名称", yearHeaders: ["平成29年度", "平成30年度"] }),
      ),
    sheet: "H29-30",
    cell: "B3",
    ja: /改革実施項目名称「別の名称」が H27-28!B3 の「テストの改革項目」と食い違っています。同じ No\. のシートでは同じ内容に/,
    en: /"別の名称" differs from "テストの改革項目" at H27-28!B3\. Sheets with the same No\. must agree/,
  },
  {
    code: "layout/year-header-unreadable",
    severity: "error",
    make: () => {
      const s = miniForm();
      s.values[3][5] = "FY28"; // F4, the table's second year header only
      return wbOf(s);
    },
    sheet: "No1",
    cell: "F4",
    ja: /年度の見出し「FY28」が読み取れません。「平成27年度」「令和元年度」「2019年度」のように入力/,
    en: /cannot read the year header "FY28"\. Write it like/,
  },
  {
    code: "layout/year-column-unpaired",
    severity: "error",
    make: () => {
      const s = miniForm();
      // 平成28年度 moved next to 平成27年度 (E4): the first year has one column, and no 計画/実績 under it.
      s.values[3] = [
        "改革実施概要",
        null,
        "現状 (平成26年度)",
        "平成27年度",
        "平成28年度",
        null,
        null,
        "目標",
      ];
      s.values[4] = [];
      return wbOf(s);
    },
    sheet: "No1",
    cell: "D4",
    ja: /年度「平成27年度」の列は1列だけで、計画か実績かが分からないため読み飛ばしました/,
    en: /the year "平成27年度" has a single column that says neither 計画 \(plan\) nor 実績 \(actual\)/,
  },
  {
    code: "layout/text-over-years",
    severity: "error",
    make: () => {
      const s = miniForm();
      s.values[5] = ["指標", "窓口利用者数", null, null, null, 120, 125, "継続"];
      s.merges = [{ top: 5, bottom: 5, left: 1, right: 4 }];
      return wbOf(s);
    },
    sheet: "No1",
    cell: "B6",
    ja: /「窓口利用者数」の行の文章が年度の列にかかっているため、表の数値を読めません/,
    en: /the text of the row "窓口利用者数" reaches over the year columns/,
  },
  {
    code: "layout/duplicate-year",
    severity: "error",
    make: () => wbOf(miniForm({ sheet: "A" }), miniForm({ sheet: "B", actual: [111, 125] })),
    sheet: "B",
    cell: "E6",
    ja: /窓口利用者数の平成27年度の数値が A!E6 と食い違っています。どちらが正しいか確認/,
    en: /FY2015 figures of "窓口利用者数" differ from those at A!E6\. Check which is right/,
  },
  {
    code: "status/unknown",
    severity: "warning",
    make: () => wbOf(miniForm({ statuses: ["順調", "まあまあ"] })),
    sheet: "No1",
    cell: "G9",
    ja: /取組の状況「まあまあ」は選択肢（順調、概ね順調、進捗に遅れあり、未着手、完了）にありません/,
    en: /status "まあまあ" is not one of: 順調/,
  },
  {
    code: "grade/flag-mismatch",
    severity: "warning",
    // FY2016: 60 of 120 is 50 % (未達成), graded A.
    make: () => wbOf(miniForm({ actual: [110, 60], statuses: ["順調", "進捗に遅れあり"] })),
    sheet: "No1",
    cell: "G12",
    ja: /平成28年度の年度評価「A」は、指標の達成状況（最も低いもの: 未達成）と合っていません。評価の根拠を確認/,
    en: /FY2016 grade "A" disagrees with the indicators \(worst: not achieved\)\. Check the grounds/,
  },
  {
    code: "baseline/stale-estimate",
    severity: "warning",
    make: () => wbOf(miniForm({ baseline: "90(見込み)" })),
    sheet: "No1",
    cell: "C6",
    ja: /現状値（平成26年度）90 が「見込み」のままです。平成28年度まで進んでいるため、確定値に更新してください/,
    en: /FY2014 baseline 90 .* is still an estimate although the data runs to FY2016\. Replace it with the confirmed figure/,
  },
  {
    code: "value/implausible",
    severity: "warning",
    make: () =>
      wbOf(miniForm({ indicator: "窓口利用率(%)", baseline: 50, plan: [60, 70], actual: [65, 150] })),
    sheet: "No1",
    cell: "G6",
    ja: /平成28年度実績 150 は100%を超えています。単位（%と小数）を確認/,
    en: /FY2016 actual 150 of "窓口利用率\(%\)" is over 100%\. Check the unit/,
  },
  {
    code: "layout/unaligned-row",
    severity: "warning",
    make: () => {
      const s = miniForm();
      s.values[5].push(null, 999); // J6: beyond the target column
      return wbOf(s);
    },
    sheet: "No1",
    cell: "J6",
    ja: /「窓口利用者数」の行に、年度の列に当てはまらない値があります。列がずれていないか確認/,
    en: /the row "窓口利用者数" has a value outside the year columns\. Check that no column was shifted/,
  },
  {
    code: "status/flag-mismatch",
    severity: "info",
    // On track in October, 未達成 at year-end (grade C agrees with the flag).
    make: () => wbOf(miniForm({ actual: [110, 60], grades: ["A", "C"] })),
    sheet: "No1",
    cell: "G9",
    ja: /平成28年度の取組の状況は「順調」でしたが、年度末の指標は未達成です。状況の判断と実績を確認/,
    en: /FY2016 status was "順調", yet the year ended not achieved\. Check the status against the actuals/,
  },
  {
    code: "layout/other-sheet",
    severity: "info",
    make: () =>
      wbOf(miniForm(), { name: "表紙", originRow: 0, originCol: 0, values: [["令和6年度 行政改革"]] }),
    sheet: "表紙",
    cell: "A1",
    ja: /表紙: 進捗管理シートの様式が見つからないため、読み飛ばしました/,
    en: /表紙: no progress-sheet form found; the sheet was skipped/,
  },
];

describe("layout/no-form: a workbook without any progress sheet", () => {
  const wb = wbOf(
    { name: "表紙", originRow: 0, originCol: 0, values: [["令和6年度 行政改革"]] },
    {
      name: "一覧",
      originRow: 0,
      originCol: 0,
      values: [
        ["項目", "担当"],
        ["窓口改革", "総務課"],
      ],
    },
  );
  const a = analyse(wb, DEFAULT_CONFIG, { asOf: AS_OF });

  it("is one error for the file, beside the skipped sheets' infos", () => {
    expect(a.findings.map((f) => [f.code, f.severity, f.sheet])).toEqual([
      ["layout/no-form", "error", null],
      ["layout/other-sheet", "info", "一覧"],
      ["layout/other-sheet", "info", "表紙"],
    ]);
    const f = a.findings[0];
    expect(renderMessage(f, "ja")).toMatch(
      /このファイルの 2 枚のシートのどれにも、進捗管理シートの様式.*集計シートも作成しません/,
    );
    expect(renderMessage(f, "en")).toMatch(
      /None of the file's 2 sheets holds a progress-sheet form.*no summary is made/,
    );
  });

  it("gets no summary sheet", () => {
    const s = planSummary(a, wb);
    expect(s.plan.edits).toEqual([]);
    expect(s.plan.names).toEqual([]);
  });

  it("is not raised when one sheet holds a form", () => {
    expect(findingsOf(wbOf(miniForm())).some((f) => f.code === "layout/no-form")).toBe(false);
  });
});

describe("the clean minimal form", () => {
  it("raises no finding at all", () => {
    expect(findingsOf(wbOf(miniForm()))).toEqual([]);
  });
});

describe.each(CASES)("$code", (c) => {
  const hits = () => findingsOf(c.make()).filter((f) => f.code === c.code);

  it("is raised once, on the cell, with its severity", () => {
    const fs = hits();
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ code: c.code, severity: c.severity, sheet: c.sheet, cell: c.cell });
  });

  it("says where and what is expected, in Japanese and English", () => {
    const [f] = hits();
    const where = c.code === "layout/other-sheet" ? c.sheet : `${c.sheet}!${c.cell}`;
    for (const lang of ["ja", "en"] as const) {
      const msg = renderMessage(f, lang);
      expect(msg.startsWith(where)).toBe(true);
      expect(msg).toMatch(lang === "ja" ? c.ja : c.en);
    }
  });

  it("is silenced by severity off, and takes an overridden severity", () => {
    const off = mergeConfig({ severity: { [c.code]: "off" } });
    expect(findingsOf(c.make(), off).filter((f) => f.code === c.code)).toEqual([]);
    const other = c.severity === "info" ? "error" : "info";
    const over = mergeConfig({ severity: { [c.code]: other } });
    const fs = findingsOf(c.make(), over).filter((f) => f.code === c.code);
    expect(fs.map((f) => f.severity)).toEqual([other]);
  });

  it("does not fire on the clean form", () => {
    expect(findingsOf(wbOf(miniForm())).filter((f) => f.code === c.code)).toEqual([]);
  });
});

describe("rules raised by the write plans", () => {
  const analysis = (wb: WorkbookSnapshot, config = DEFAULT_CONFIG) => analyse(wb, config, { asOf: AS_OF });

  it("fill/area-occupied: a staff-typed cell where the area goes stops the block, untouched", () => {
    const s = miniForm();
    s.values[5][10] = "メモ"; // K6, inside the area (table ends at H, area from J)
    const wb = wbOf(s);
    const r = planFill(analysis(wb), wb);
    expect(r.findings).toEqual([
      expect.objectContaining({ code: "fill/area-occupied", severity: "warning", sheet: "No1", cell: "K6" }),
    ]);
    expect(r.plan.edits.flatMap((e) => e.writes)).toEqual([]);
    expect(renderMessage(r.findings[0], "ja")).toMatch(/^No1!K6: .*このセルを空けてから再実行してください/);
    expect(renderMessage(r.findings[0], "en")).toMatch(/^No1!K6: .*Clear or move that cell and run again/);
    const off = mergeConfig({ severity: { "fill/area-occupied": "off" } });
    expect(planFill(analysis(wb, off), wb).findings).toEqual([]);
  });

  it("fill/area-occupied: a staff formula that shows nothing is not an empty cell", () => {
    // =IF(...,"") shows a blank and reads as one (values hold "" or nothing), but it is staff's.
    for (const shown of ["", null]) {
      const s = miniForm();
      s.values[5][10] = shown;
      s.formulas = s.values.map((row) => row.map(() => null));
      s.formulas[5][10] = '=IF(H6="","",H6)';
      const wb = wbOf(s);
      const r = planFill(analysis(wb), wb);
      expect(r.findings).toEqual([
        expect.objectContaining({ code: "fill/area-occupied", sheet: "No1", cell: "K6" }),
      ]);
      expect(r.plan.edits.flatMap((e) => e.writes)).toEqual([]);
    }
  });

  it("fill/area-occupied: the plan looks at the workbook it is given, not at the one analysed", () => {
    // The fill plan reuses the reader's grids; a workbook read again (the cell typed meanwhile) is
    // another snapshot of the same sheet names and must be looked at itself.
    const read = wbOf(miniForm());
    const now = miniForm();
    now.values[5][10] = "メモ";
    const r = planFill(analysis(read), wbOf(now));
    expect(r.findings).toEqual([
      expect.objectContaining({ code: "fill/area-occupied", sheet: "No1", cell: "K6" }),
    ]);
    expect(r.plan.edits.flatMap((e) => e.writes)).toEqual([]);
    expect(planFill(analysis(read), read).plan.edits.flatMap((e) => e.writes)).not.toEqual([]);
  });

  it("fill/no-room: a table with one header row has no room for the area", () => {
    const s = miniForm();
    s.values.splice(4, 1); // drop the 計画/実績 row: the indicator sits right under the years
    const wb = wbOf(s);
    const r = planFill(analysis(wb), wb);
    expect(r.findings).toEqual([
      expect.objectContaining({ code: "fill/no-room", severity: "warning", sheet: "No1", cell: "A4" }),
    ]);
    expect(renderMessage(r.findings[0], "ja")).toMatch(
      /^No1!A4: .*見出しを2行（年度、計画・実績）設けてください/,
    );
    expect(renderMessage(r.findings[0], "en")).toMatch(/^No1!A4: .*two header rows above the indicators/);
  });

  it("summary/name-taken: a user's own 集計 sheet is never used; another name and a finding", () => {
    const user: SheetSnapshot = {
      name: "集計",
      originRow: 0,
      originCol: 0,
      values: [["課別の集計（手作業）"]],
    };
    const wb = wbOf(miniForm(), user);
    const r = planSummary(analysis(wb), wb);
    expect(r.sheetName).not.toBe("集計");
    expect(r.plan.edits.map((e) => e.sheet)).toEqual([
      r.sheetName,
      "_shinchoku_summary",
      "_shinchoku_settings",
    ]);
    expect(r.findings).toEqual([
      expect.objectContaining({ code: "summary/name-taken", severity: "info", sheet: "集計", cell: null }),
    ]);
    expect(renderMessage(r.findings[0], "ja")).toContain(`集計は「${r.sheetName}」に作成しました`);
    expect(renderMessage(r.findings[0], "en")).toContain(`the summary went to "${r.sheetName}"`);
  });

  it("write/protected: adapters raise it; the message names the sheet and what to do", () => {
    const f: Finding = {
      code: "write/protected",
      severity: "error",
      itemNo: null,
      sheet: "No1",
      cell: null,
      params: {},
    };
    expect(renderMessage(f, "ja")).toMatch(/^No1: .*保護を解除してから実行してください/);
    expect(renderMessage(f, "en")).toMatch(/^No1: .*Unprotect it and run again/);
    expect(ruleByCode("write/protected")?.defaultSeverity).toBe("error");
  });

  it("write/read-only and write/sheet-missing: the add-in raises them; the messages say nothing was written and what to do", () => {
    const f = (code: string, sheet: string | null): Finding => ({
      code,
      severity: "error",
      itemNo: null,
      sheet,
      cell: null,
      params: {},
    });
    expect(renderMessage(f("write/read-only", null), "ja")).toContain(
      "読み取り専用のため、何も書き込みませんでした",
    );
    expect(renderMessage(f("write/read-only", null), "en")).toMatch(
      /read-only, so nothing was written\. Open it for editing/,
    );
    expect(renderMessage(f("write/sheet-missing", "No1"), "ja")).toContain("シート「No1」が見つからないため");
    expect(renderMessage(f("write/sheet-missing", "No1"), "en")).toBe(
      'The sheet "No1" is gone, so nothing was written. Run again.',
    );
    expect(ruleByCode("write/read-only")?.defaultSeverity).toBe("error");
    expect(ruleByCode("write/sheet-missing")?.defaultSeverity).toBe("error");
  });

  it("say in both languages when the workbook structure is protected or the highlight was skipped", () => {
    const f = (code: string, sheet: string | null): Finding => ({
      code,
      severity: "error",
      itemNo: null,
      sheet,
      cell: null,
      params: sheet ? { sheet } : {},
    });
    expect(renderMessage(f("write/structure-protected", null), "ja")).toContain(
      "ブックの構成が保護されている",
    );
    expect(renderMessage(f("write/structure-protected", null), "en")).toMatch(/structure is protected/);
    expect(renderMessage(f("write/highlight-skipped", null), "ja")).toContain("読み取り専用");
    expect(renderMessage(f("write/highlight-skipped", "No1"), "en")).toMatch(/^No1: the sheet is protected/);
    expect(ruleByCode("write/structure-protected")?.defaultSeverity).toBe("error");
    expect(ruleByCode("write/highlight-skipped")?.defaultSeverity).toBe("info");
    const merged = {
      ...f("fill/area-merged", "No1"),
      cell: "U15",
      params: { cell: "U15", merge: "U15:V16" },
    };
    expect(renderMessage(merged, "ja")).toContain("結合セル（U15:V16）");
    expect(renderMessage(merged, "en")).toMatch(/a merged cell \(U15:V16\) lies where the computed area/);
  });
});

describe("the registry", () => {
  it("has a test case or a plan test for every rule code", () => {
    const covered = new Set([
      ...CASES.map((c) => c.code),
      "fill/area-occupied",
      "fill/no-room",
      // test/core/plans.test.ts
      "fill/area-merged",
      "summary/name-taken",
      // test/core/ownership.test.ts
      "fill/area-edited",
      "summary/name-is-item-sheet",
      "write/protected",
      "write/read-only",
      "write/sheet-missing",
      // test/excel/protection.test.ts
      "write/structure-protected",
      "write/highlight-skipped",
      "layout/no-form",
      // test/cli/ownership.test.ts (undo)
      "undo/findings-sheet-kept",
      // test/core/live-results.test.ts, test/cli/live-results.test.ts
      "fill/stale",
      "summary/stale",
    ]);
    expect(ALL_RULES.map((r) => r.code).filter((c) => !covered.has(c))).toEqual([]);
  });

  it("has unique codes, and both languages for every description", () => {
    const codes = ALL_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of ALL_RULES) expect(r.description.ja && r.description.en).toBeTruthy();
  });
});
