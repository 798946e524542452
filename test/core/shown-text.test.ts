import { analyse } from "../../src/core/engine";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { buildReport } from "../../src/core/report/json-report";
import { buildSummary } from "../../src/core/summary/summary-model";
import type { SourceCell } from "../../src/core/model/item";
import { parseCell } from "../../src/core/values/parse";
import { shownText, shownValue } from "../../src/core/values/shown";
import { miniForm } from "./helpers/mini-form";

const AS_OF = new Date(2026, 10, 24);
const cell = (raw: SourceCell["raw"]): SourceCell => ({
  sheet: "S",
  cell: "A1",
  row: 0,
  col: 0,
  raw,
  parsed: parseCell(raw),
});

describe("shownText: a cell as text, the one way", () => {
  it("shows an error value as Excel does, numbers and booleans plainly, blanks as nothing", () => {
    expect(shownText(cell({ error: "#N/A" }))).toBe("#N/A");
    expect(shownText(cell(12.5))).toBe("12.5");
    expect(shownText(cell(true))).toBe("true");
    expect(shownText(cell("  A "))).toBe("A");
    expect(shownText(cell("　"))).toBeNull();
    expect(shownText(cell(null))).toBeNull();
    expect(shownText(null)).toBeNull();
    expect(shownValue({ error: "#REF!" })).toBe("#REF!");
    expect(shownValue(undefined)).toBe("");
  });

  // An error value in a grade cell used to come out of the computed fields as "[object Object]".
  it("carries an error value in a grade or status cell through as its literal", () => {
    const sheet = miniForm({ grades: [{ error: "#N/A" }, "A"], statuses: [{ error: "#VALUE!" }, "順調"] });
    const a = analyse({ sheets: [sheet] }, DEFAULT_CONFIG, { asOf: AS_OF });
    const [fy2015] = a.computed[0].years;
    expect(fy2015).toMatchObject({ fiscalYear: 2015, grade: "#N/A", status: "#VALUE!" });
    const report = buildReport(a, "ja");
    expect(report.items[0].grades[0]).toMatchObject({ fiscalYear: 2015, grade: "#N/A" });
    const summary = JSON.stringify(buildSummary(a.computed, a.findings, a.config));
    expect(summary).not.toContain("[object Object]");
    expect(JSON.stringify(report)).not.toContain("[object Object]");
  });
});
