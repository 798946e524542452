import { MemoTable } from "../../src/core/values/memo";
import { parseCell, parseText } from "../../src/core/values/parse";
import {
  parseFiscalYear,
  formatFiscalYearJa,
  fiscalYearOf,
  isYearSpan,
} from "../../src/core/values/fiscal-year";
import { kanjiToNumber } from "../../src/core/values/kanji-numerals";
import { isBlankText } from "../../src/core/values/normalize";

describe("cell values", () => {
  it.each([
    ["1,090", { kind: "number", value: 1090, estimate: false, percent: false }],
    ["１，０９０", { kind: "number", value: 1090, estimate: false, percent: false }],
    ["930(見込み)", { kind: "number", value: 930, estimate: true, percent: false }],
    ["930（見込）", { kind: "number", value: 930, estimate: true, percent: false }],
    ["△120", { kind: "number", value: -120, estimate: false, percent: false }],
    ["▲1,200", { kind: "number", value: -1200, estimate: false, percent: false }],
    ["△0", { kind: "number", value: 0, estimate: false, percent: false }],
    ["72.5%", { kind: "number", value: 0.725, estimate: false, percent: true }],
    ["７２．５％", { kind: "number", value: 0.725, estimate: false, percent: true }],
    ["-", { kind: "na", text: "-" }],
    ["－", { kind: "na", text: "-" }],
    ["―", { kind: "na", text: "―" }],
    ["‐", { kind: "na", text: "‐" }],
    ["  ", { kind: "blank" }],
    ["継続実施", { kind: "text", text: "継続実施" }],
    ["1,0,90", { kind: "text", text: "1,0,90" }],
    ["#DIV/0!", { kind: "error", code: "#DIV/0!" }],
    ["Ｂ", { kind: "text", text: "B" }],
  ])("%s", (input, expected) => {
    expect(parseText(input)).toEqual(expected);
  });

  it("reads numbers, booleans, errors and % formats from the host", () => {
    expect(parseCell(1152)).toEqual({ kind: "number", value: 1152, estimate: false, percent: false });
    expect(parseCell(0.725, { numberFormat: "0.0%" })).toEqual({
      kind: "number",
      value: 0.725,
      estimate: false,
      percent: true,
    });
    expect(parseCell(0.725, { numberFormat: '0.0"%"' }).kind).toBe("number");
    expect(parseCell({ error: "#REF!" })).toEqual({ kind: "error", code: "#REF!" });
    expect(parseCell(true)).toEqual({ kind: "bool", value: true });
    expect(parseCell(null)).toEqual({ kind: "blank" });
    expect(parseCell(Number.NaN)).toEqual({ kind: "error", code: "#NUM!" });
  });
});

describe("figures typed with units, and approximate figures", () => {
  it.each([
    ["1,152人", 1152, "人"],
    ["43箇所", 43, "箇所"],
    ["3,297百万円", 3297, "百万円"],
    ["△120千円", -120, "千円"],
    ["43 か所", 43, "か所"],
    ["5ヶ所", 5, "ヶ所"],
    ["12km", 12, "km"],
    ["930人(見込み)", 930, "人"],
  ])("%s is %d with the unit %s, never multiplied", (text, value, unit) => {
    expect(parseText(text)).toMatchObject({ kind: "number", value, unit });
  });

  it("reads 約43 as 43, approximate", () => {
    expect(parseText("約43")).toEqual({
      kind: "number",
      value: 43,
      estimate: false,
      percent: false,
      approximate: true,
    });
    expect(parseText("約 1,152人")).toMatchObject({ value: 1152, unit: "人", approximate: true });
  });

  it.each(["1,2OO", "12OO", "100以上", "3区で実施", "4区実施", "継続実施", "約", "人"])(
    "keeps %s as text",
    (t) => {
      expect(parseText(t).kind).toBe("text");
    },
  );
});

describe("fiscal years", () => {
  it.each([
    ["平成27年度", 2015],
    ["平成31年度", 2019],
    ["令和元年度", 2019],
    ["令和2年度", 2020],
    ["R3年度", 2021],
    ["H27年度", 2015],
    ["2015年度", 2015],
    ["現状 (平成26年度)", 2014],
    ["平成二十七年度", 2015],
    ["令和２年度", 2020],
    ["H23", 2011],
    ["R2", 2020],
    ["令和2", 2020],
    ["R2年度", 2020],
    ["FY2019", 2019],
    ["ＦＹ２０１９", 2019],
    ["2019年度", 2019],
    ["2019", 2019],
    ["H27 実績", 2015],
    ["R2 実績見込み", 2020],
    ["H.27", 2015],
  ])("%s → FY%d", (text, fy) => {
    expect(parseFiscalYear(text)?.fiscalYear).toBe(fy);
  });

  it("takes the era of the surrounding headers for '29年度以降'", () => {
    expect(parseFiscalYear("中間目標/ 29年度以降")).toBeNull();
    expect(parseFiscalYear("中間目標/ 29年度以降", "heisei")).toMatchObject({
      fiscalYear: 2017,
      onward: true,
      explicitEra: false,
    });
    expect(parseFiscalYear("3年度以降", "reiwa")?.fiscalYear).toBe(2021);
  });

  it("reads a span of years as a period, not as its last year", () => {
    for (const t of ["累計 (H28~R2年度)", "平成28〜令和2年度", "2016-2020年度", "FY2016～FY2020"]) {
      expect(parseFiscalYear(t)).toBeNull();
      expect(isYearSpan(t)).toBe(true);
    }
    expect(isYearSpan("上半期 (4~9月)")).toBe(false);
    expect(isYearSpan("平成27年度")).toBe(false);
  });

  it("does not take figures, counts or bare numbers outside 1990–2100 for years", () => {
    for (const t of ["1,152", "3297", "12", "1152人", "H", "2019.5", "1800"])
      expect(parseFiscalYear(t)).toBeNull();
  });

  it("does not take months or counts for years", () => {
    expect(parseFiscalYear("上半期 (4~9月)")).toBeNull();
    expect(parseFiscalYear("(各年度10月に実施)")).toBeNull();
  });

  it("formats and derives fiscal years", () => {
    expect(formatFiscalYearJa(2019)).toBe("令和元年度");
    expect(formatFiscalYearJa(2015)).toBe("平成27年度");
    expect(fiscalYearOf(new Date(2017, 2, 31))).toBe(2016);
    expect(fiscalYearOf(new Date(2017, 3, 1))).toBe(2017);
    expect(kanjiToNumber("三十一")).toBe(31);
    expect(kanjiToNumber("元")).toBe(1);
  });
});

describe("isBlankText", () => {
  it("agrees with trim() === '' on every UTF-16 code unit, alone and around text", () => {
    for (let ch = 0; ch < 0x10000; ch++) {
      const c = String.fromCharCode(ch);
      expect([ch, isBlankText(c)]).toEqual([ch, c.trim() === ""]);
      expect(isBlankText(` ${c}\u3000`)).toBe(` ${c}\u3000`.trim() === "");
    }
    expect(isBlankText("")).toBe(true);
    expect(isBlankText(" \u3000\n")).toBe(true);
    expect(isBlankText(" 計画 ")).toBe(false);
  });
});

describe("MemoTable", () => {
  it("computes each distinct text once and gives equal texts the same result", () => {
    let computed = 0;
    const t = new MemoTable((s) => {
      computed++;
      return { length: s.length };
    });
    const a = t.get("計画");
    // A new string object with the same text (as a workbook read afresh brings).
    const same = ["計", "画"].join("");
    expect(t.get(same)).toBe(a);
    expect(t.get("実績")).toEqual({ length: 2 });
    expect(t.get("実績")).toEqual({ length: 2 });
    expect(computed).toBe(2);
  });

  it("does not keep texts longer than 200 characters", () => {
    let computed = 0;
    const t = new MemoTable(() => ++computed);
    const long = "あ".repeat(201);
    t.get(long);
    t.get(long);
    expect(computed).toBe(2);
  });
});
