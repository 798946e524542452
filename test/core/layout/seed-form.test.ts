import { refOf } from "../../../src/core/model/item";
import * as fs from "fs";
import { readWorkbook } from "../../../src/core/layout/read-workbook";
import { DEFAULT_CONFIG } from "../../../src/core/config/config";
import { Grid } from "../../../src/core/grid/grid";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import {
  SEED_FORM_SHEET_NAMES,
  SEED_TEXT,
  pastedSheet,
  seedFormSheets,
  seedIndicators,
} from "../../../scripts/fixtures/seed-form";
import { SEED_PATH } from "./pasted";
import { expectSeedItem } from "./seed-expectations";

const read = (sheets: SheetSnapshot[] = seedFormSheets()) => readWorkbook({ sheets }, DEFAULT_CONFIG);

describe("the seed text fixture", () => {
  it("is the seed file byte for byte, tabs included", () => {
    expect(SEED_TEXT).toBe(fs.readFileSync(SEED_PATH, "utf8"));
  });

  it("pastes as Excel does: commas make numbers, estimates stay text, percentages become fractions", () => {
    const s = pastedSheet("x", "1,090\t930(見込み)\t28\t72.5%\tC\t\t-");
    expect(s.values[0]).toEqual([1090, "930(見込み)", 28, 0.725, "C", null, "-"]);
    expect(s.numberFormats?.[0][3]).toBe("0.0%");
    expect(pastedSheet("x", "1,090", { numbers: false }).values[0]).toEqual(["1,090"]);
  });
});

describe("the seed laid out as the original workbook (merged labels, one sheet per period)", () => {
  const r = read();

  it("reads the same item as the pasted seed, with every figure, status, grade and text", () => {
    expectSeedItem(r);
    expect(r.diagnostics).toEqual([]);
    expect(r.blocks.map((b) => [b.sheet, b.fiscalYears])).toEqual([
      [SEED_FORM_SHEET_NAMES[0], [2015, 2016]],
      [SEED_FORM_SHEET_NAMES[1], [2017, 2018]],
    ]);
    expect(r.items[0].sheets).toEqual(SEED_FORM_SHEET_NAMES);
  });

  it("reads the same values as the pasted seed, field by field", () => {
    const pasted = readWorkbook({ sheets: [pastedSheet("貼り付け", SEED_TEXT)] }, DEFAULT_CONFIG).items[0];
    const it0 = r.items[0];
    // Everything but where it was read: a source cell's place, where blank entries go, and the item's blocks and sheets.
    const strip = (x: unknown): unknown =>
      JSON.parse(
        JSON.stringify(x, (k, v) => {
          if (["row", "col", "blocks", "sheets", "statusAt", "gradeAt"].includes(k)) return undefined;
          if (v && typeof v === "object" && "raw" in v && "parsed" in v) {
            const { sheet: _sheet, cell: _cell, ...value } = v as Record<string, unknown>;
            return value;
          }
          return v;
        }),
      );
    expect(strip(it0)).toEqual(strip(pasted));
  });

  it("keeps the laid-out cell addresses (top-left of each merged area)", () => {
    const it0 = r.items[0];
    const [a, b] = it0.indicators;
    const [s1, s2] = SEED_FORM_SHEET_NAMES;
    expect(refOf(it0.noCell)).toEqual({ sheet: s1, cell: "N4" });
    expect(a.nameCell.cell).toBe("B14");
    expect(refOf(a.baseline.cell)).toEqual({ sheet: s1, cell: "D14" });
    expect(a.years.map((y) => [y.plan?.sheet, y.plan?.cell, y.actual?.cell])).toEqual([
      [s1, "F14", "H14"],
      [s1, "J14", "L14"],
      [s2, "F15", "H15"],
      [s2, "J15", "L15"],
    ]);
    expect(refOf(b.years[3].actual)).toEqual({ sheet: s2, cell: "L16" });
    // The item's target is the last period's (最終目標); the 中間目標 stays on the first sheet.
    expect(a.target).toMatchObject({ kind: "final", cell: { sheet: s2, cell: "N15" } });
    expect(refOf(r.blocks[0].indicators[0].target.cell)).toEqual({ sheet: s1, cell: "N14" });
    expect(it0.statuses.map((s) => [s.status?.cell, s.text?.cell])).toEqual([
      ["I18", "F18"],
      ["M18", "J18"],
      ["I19", "F19"],
      ["M19", "J19"],
    ]);
    expect(it0.grades.map((g) => [g.grade?.cell, g.evaluationText?.cell, g.issuesText?.cell])).toEqual([
      ["I23", "F23", "F24"],
      ["M23", "J23", "J24"],
      ["I22", "F22", "F23"],
      ["M22", "J22", "J23"],
    ]);
    const [mid, fin] = it0.periodEvaluations;
    expect([refOf(mid.grade), mid.evaluationText?.cell, mid.policyText?.cell, mid.issuesText?.cell]).toEqual([
      { sheet: s1, cell: "I27" },
      "F27",
      "J27",
      "F28",
    ]);
    expect([refOf(fin.grade), fin.policyText?.cell, fin.issuesText?.cell]).toEqual([
      { sheet: s2, cell: "I26" },
      "J26",
      "F27",
    ]);
    expect(refOf(it0.process[0].years[0].plan)).toEqual({ sheet: s2, cell: "F14" });
    expect(it0.process[0].target?.cell).toBe("N14");
  });

  it("holds labels only in the top-left of merged areas, year headers over their 計画/実績 pair", () => {
    const g = new Grid(seedFormSheets()[0]);
    expect(g.mergeAt(11, 5)).toEqual({ top: 11, left: 5, bottom: 11, right: 8 }); // 平成27年度 F12:I12
    expect(g.value(11, 5)).toBe("平成27年度");
    expect(g.value(11, 6)).toBeNull();
    expect(g.mergeAt(3, 0)).toEqual({ top: 3, left: 0, bottom: 3, right: 2 }); // 取組項目(中項目) A4:C4
    expect(g.mergeAt(17, 6)).toEqual({ top: 17, left: 5, bottom: 17, right: 7 }); // a status text F18:H18
    expect(g.mergeAt(17, 8)).toBeNull(); // the status itself, I18
    expect(g.value(13, 5)).toBe(1090);
  });

  it("varies No., title, figures, statuses and grades, and reads them back", () => {
    const inds = seedIndicators();
    inds[1] = { ...inds[1], name: "出前講座の開催回数", plan: [10, 12, 14, 16], actual: [11, 12, 9, null] };
    const sheets = seedFormSheets({
      no: 7,
      title: "別の改革項目",
      sheetNames: ["No7-1", "No7-2"],
      indicators: inds,
      statuses: ["順調", "概ね順調", "進捗に遅れあり", null],
      grades: ["A", "B", "C", null],
      midtermGrade: "B",
      finalGrade: null,
    });
    const it0 = read(sheets).items[0];
    expect(it0).toMatchObject({ no: "7", title: "別の改革項目", sheets: ["No7-1", "No7-2"] });
    expect(it0.indicators[1].name).toBe("出前講座の開催回数");
    expect(it0.indicators[1].years.map((y) => [y.plan?.raw, y.actual?.raw ?? null])).toEqual([
      [10, 11],
      [12, 12],
      [14, 9],
      [16, null],
    ]);
    expect(it0.statuses.map((s) => s.status?.raw ?? null)).toEqual([
      "順調",
      "概ね順調",
      "進捗に遅れあり",
      null,
    ]);
    expect(it0.grades.map((g) => g.grade?.raw ?? null)).toEqual(["A", "B", "C", null]);
    expect(it0.periodEvaluations.map((p) => p.grade?.raw ?? null)).toEqual(["B", null]);
  });

  it("lays out any number of indicators, and many items side by side", () => {
    const one = seedIndicators().slice(0, 1);
    const three = [...seedIndicators(), { ...seedIndicators()[1], name: "参加団体数" }];
    const sheets = [
      ...seedFormSheets({ no: 1, indicators: one, sheetNames: ["1a", "1b"] }),
      ...seedFormSheets({ no: 2, indicators: three, sheetNames: ["2a", "2b"] }),
    ];
    const rr = read(sheets);
    expect(rr.diagnostics).toEqual([]);
    expect(
      rr.items.map((i) => [i.no, i.indicators.length, i.grades.length, i.periodEvaluations.length]),
    ).toEqual([
      ["1", 1, 4, 2],
      ["2", 3, 4, 2],
    ]);
  });
});
