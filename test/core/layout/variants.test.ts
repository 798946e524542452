import { readWorkbook } from "../../../src/core/layout/read-workbook";
import { DEFAULT_CONFIG, mergeConfig } from "../../../src/core/config/config";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import { refOf, type SourceCell } from "../../../src/core/model/item";
import { pasteAsExcel, seedText } from "./pasted";
import { expectSeedItem } from "./seed-expectations";
import { clone, getCell, moveBy, replaceText, rows, setCell, stack } from "./transforms";

const seed = () => pasteAsExcel(seedText());
const read = (...sheets: SheetSnapshot[]) => readWorkbook({ sheets }, DEFAULT_CONFIG);
const parsed = (c: SourceCell | null | undefined) => c?.parsed;
const codes = (r: ReturnType<typeof read>) => r.diagnostics.map((d) => d.code);

describe("variants staff produce", () => {
  it("reads the block moved down and right, under stamp rows", () => {
    const s = moveBy(seed(), 6, 3);
    setCell(s, "E2", "決裁");
    setCell(s, "F2", "課長");
    setCell(s, "G2", "係長");
    setCell(s, "H2", "担当");
    const r = read(s);
    const it = expectSeedItem(r);
    expect(it.indicators[0].years[0].plan?.cell).toBe("G20");
    expect(r.diagnostics).toEqual([]);
  });

  it("reads several blocks of several items on one sheet", () => {
    const other = replaceText(seed(), "まちづくりセンター数", "出前講座の開催回数");
    setCell(other, "D5", 29);
    setCell(other, "D32", 29);
    const r = read(stack("まとめ", seed(), other));
    expect(r.items.map((i) => i.no)).toEqual(["28", "29"]);
    expect(r.items[1].indicators[1].name).toBe("出前講座の開催回数");
    expect(r.items[1].indicators[1].years.map((y) => y.fiscalYear)).toEqual([2015, 2016, 2017, 2018]);
    expect(r.blocks).toHaveLength(4);
  });

  it("joins an item across several sheets by its No.", () => {
    const s = seed();
    const r = read(rows(s, 0, 29, "H27-28"), rows(s, 29, 55, "H29-30"));
    const it = expectSeedItem(r);
    expect(it.sheets).toEqual(["H27-28", "H29-30"]);
    expect(refOf(it.indicators[0].years[2].plan)).toEqual({ sheet: "H29-30", cell: "D14" });
    expect(r.diagnostics).toEqual([]);
  });

  it("reports sheets of one item that disagree on a header field", () => {
    const s = seed();
    const b2 = rows(s, 29, 55, "H29-30");
    setCell(b2, "B5", "別の改革実施項目");
    const r = read(rows(s, 0, 29, "H27-28"), b2);
    const f = r.diagnostics.find((d) => d.code === "item/header-mismatch");
    expect(f).toMatchObject({
      sheet: "H29-30",
      cell: "B5",
      itemNo: "28",
      params: { otherSheet: "H27-28", value: "別の改革実施項目" },
    });
  });

  it("reads Reiwa and Western year headers (令和元年度 = FY2019)", () => {
    const reiwa = replaceText(
      replaceText(
        replaceText(
          replaceText(replaceText(seed(), "平成26年度", "平成30年度"), "平成27年度", "令和元年度"),
          "平成28年度",
          "令和2年度",
        ),
        "平成29年度",
        "令和3年度",
      ),
      "平成30年度",
      "令和4年度",
    );
    replaceText(reiwa, "29年度以降", "3年度以降");
    replaceText(reiwa, "31年度以降", "5年度以降");
    const r = read(reiwa);
    const ind = r.items[0].indicators[0];
    expect(ind.years.map((y) => y.fiscalYear)).toEqual([2019, 2020, 2021, 2022]);
    // "現状 (平成30年度)" became "現状 (令和4年度)" through the chain above; either way it is a fiscal year.
    expect(ind.baseline.fiscalYear).toBe(2022);
    expect(r.items[0].periodEvaluations[0].policyFromYear).toBe(2021);

    const western = seed();
    for (const [h, w] of [
      ["平成26年度", "2014年度"],
      ["平成27年度", "2015年度"],
      ["平成28年度", "2016年度"],
      ["平成29年度", "2017年度"],
      ["平成30年度", "2018年度"],
    ])
      replaceText(western, h, w);
    expect(read(western).items[0].indicators[1].years.map((y) => y.fiscalYear)).toEqual([
      2015, 2016, 2017, 2018,
    ]);
  });

  it("takes the era for era-less years from the table's header row, past a Western baseline", () => {
    // "現状 (2014年度)" comes first on the header row and names no Japanese era; the years do. The
    // policy header below, "29年度以降", reads in that era, as the table's own "29年度以降" does.
    const s = replaceText(replaceText(seed(), "平成26年度", "2014年度"), "平成29年度以降", "29年度以降");
    const r = read(s);
    expect(r.items[0].indicators[0].baseline.fiscalYear).toBe(2014);
    expect(r.items[0].periodEvaluations[0].policyFromYear).toBe(2017);
  });

  it("reads era years written in kanji and full-width digits", () => {
    const s = replaceText(replaceText(seed(), "平成27年度", "平成二十七年度"), "平成28年度", "平成２８年度");
    expect(read(s).items[0].indicators[0].years.map((y) => y.fiscalYear)).toEqual([2015, 2016, 2017, 2018]);
  });

  it("normalises full-width digits and letters, △ negatives, dashes, estimates and percentages", () => {
    const s = seed();
    setCell(s, "D14", "１，０９０");
    setCell(s, "E14", "△120");
    setCell(s, "F14", "-");
    setCell(s, "G14", "―");
    setCell(s, "D15", "72.5%");
    setCell(s, "E15", "45（見込み）");
    setCell(s, "E23", "Ｂ");
    const r = read(s);
    const [a, b] = r.items[0].indicators;
    expect(parsed(a.years[0].plan)).toEqual({ kind: "number", value: 1090, estimate: false, percent: false });
    expect(parsed(a.years[0].actual)).toMatchObject({ kind: "number", value: -120 });
    expect(parsed(a.years[1].plan)).toEqual({ kind: "na", text: "-" });
    expect(parsed(a.years[1].actual)?.kind).toBe("na");
    expect(parsed(b.years[0].plan)).toEqual({ kind: "number", value: 0.725, estimate: false, percent: true });
    expect(parsed(b.years[0].actual)).toEqual({ kind: "number", value: 45, estimate: true, percent: false });
    expect(parsed(r.items[0].grades[0].grade)).toEqual({ kind: "text", text: "B" });
  });

  it("keeps percentages stored as numbers with a % format, formulas, and Excel errors", () => {
    const s = seed();
    s.numberFormats = [];
    s.formulas = [];
    s.numberFormats[14] = [null, null, null, "0.0%"];
    setCell(s, "D15", 0.725);
    s.formulas[13] = [null, null, null, null, "=D14+62"];
    setCell(s, "E14", 1152);
    setCell(s, "F15", { error: "#DIV/0!" });
    setCell(s, "G15", "#REF!");
    const r = read(s);
    const [a, b] = r.items[0].indicators;
    expect(parsed(b.years[0].plan)).toEqual({ kind: "number", value: 0.725, estimate: false, percent: true });
    // A formula counts by its computed value, as Excel shows it.
    expect(a.years[0].actual?.raw).toBe(1152);
    expect(parsed(a.years[0].actual)).toMatchObject({ kind: "number", value: 1152 });
    expect(parsed(b.years[1].plan)).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(parsed(b.years[1].actual)).toEqual({ kind: "error", code: "#REF!" });
  });

  it("reads an earlier edition's label wording", () => {
    const s = replaceText(
      replaceText(
        replaceText(seed(), "具体的な取組項目(小項目)", "具体的な改革項目"),
        "事業の目標・目的 (考えられる効果)",
        "改革の目的、考えられる効果",
      ),
      "現状と課題 (これまでの取組み)",
      "現状と課題(これまでの取組)",
    );
    const it = expectSeedItem(read(s));
    expect(it.texts.goals).toHaveLength(2);
  });

  it("takes label variants from configuration", () => {
    const s = replaceText(seed(), "担当課", "所属");
    expect(readWorkbook({ sheets: [clone(s)] }, DEFAULT_CONFIG).items[0].departments).toEqual([]);
    const cfg = mergeConfig({ labels: { departments: ["所属"] } });
    expect(readWorkbook({ sheets: [s] }, cfg).items[0].leadDepartment).toBe("市民協働課");
  });

  it("reports year headers it cannot read, with their cell", () => {
    const s = replaceText(seed(), "平成27年度", "平成??年度");
    const r = read(s);
    const f = r.diagnostics.filter((d) => d.code === "layout/year-header-unreadable");
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]).toMatchObject({
      sheet: "貼り付け",
      cell: "C12",
      itemNo: "28",
      params: { text: "平成??年度" },
    });
  });

  it("reports an item whose No. is missing", () => {
    const s = seed();
    setCell(s, "D5", null);
    setCell(s, "D32", null);
    const r = read(s);
    expect(codes(r)).toContain("item/no-missing");
    expect(r.items.every((i) => i.no === "")).toBe(true);
  });

  it("reports a year read twice with different figures", () => {
    const s = seed();
    const b1 = rows(s, 0, 29, "A");
    const b1again = rows(s, 0, 29, "B");
    setCell(b1again, "E14", 9999);
    const r = read(b1, b1again);
    expect(r.diagnostics.find((d) => d.code === "layout/duplicate-year")).toMatchObject({
      sheet: "B",
      cell: "E14",
      params: { fiscalYear: 2015 },
    });
  });

  it("skips our own computed area and summary sheet when reading again", () => {
    const s = seed();
    setCell(s, "J12", DEFAULT_CONFIG.ownedAreaTitle);
    ["H27 達成率", "H27 判定", "H28 達成率", "H28 判定"].forEach((h, i) =>
      setCell(s, ["J13", "K13", "L13", "M13"][i], h),
    );
    setCell(s, "J14", 1.0569);
    setCell(s, "K14", "達成");
    setCell(s, "J15", 1.0238);
    setCell(s, "K15", "達成");
    const summary: SheetSnapshot = {
      name: "集計",
      originRow: 0,
      originCol: 0,
      values: [[DEFAULT_CONFIG.summaryMarker + " 集計"], ["No.", 28]],
    };
    const r = read(s, summary);
    expectSeedItem(r);
    expect(r.diagnostics).toEqual([]);
    expect(r.summarySheets).toEqual(["集計"]);
    expect(r.ownedAreas).toEqual([{ sheet: "貼り付け", range: { top: 11, left: 9, bottom: 14, right: 12 } }]);
  });

  it("says which sheets hold no form, and reads a used range that does not start at A1", () => {
    const s = seed();
    const offset: SheetSnapshot = {
      ...s,
      name: "offset",
      originRow: 2,
      originCol: 0,
      values: s.values.slice(2),
    };
    const cover: SheetSnapshot = {
      name: "表紙",
      originRow: 0,
      originCol: 0,
      values: [["行政改革プラン 進捗管理"]],
    };
    const r = read(cover, offset);
    expect(r.otherSheets).toEqual(["表紙"]);
    expect(codes(r)).toContain("layout/other-sheet");
    expect(codes(r)).not.toContain("layout/no-form");
    expect(getCell(s, "D14")).toBe(1090);
    expect(r.items[0].indicators[0].years[0].plan?.cell).toBe("D14");
  });
});
