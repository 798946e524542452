/**
 * A row of fiscal-year headers: "平成27年度 | 平成28年度", with the baseline "現状 (平成26年度)" before and
 * the target "中間目標/ 29年度以降" after. Era-less years take their era from the row's other headers.
 */
import { isYearSpan, parseFiscalYear, type Era } from "../values/fiscal-year";
import { labelKey } from "../values/normalize";
import { MemoTable } from "../values/memo";
import type { SheetView } from "./sheet-view";

export interface YearColumn {
  fiscalYear: number;
  col: number;
  /** Last column the year covers: its merge's right edge, or the column before the next header. */
  right: number;
  /** "H27 実績", "平成27年度 計画": the header says its column holds only the plan or only the actual. */
  role: "plan" | "actual" | null;
}

export interface YearHeaderRow {
  row: number;
  /**
   * The Japanese era the row names (its first header that names one), or null: era-less years here
   * ("29年度以降") and in the sections below the table take it.
   */
  era: Era | null;
  years: YearColumn[];
  baseline: { col: number; fiscalYear: number | null } | null;
  target: { col: number; fiscalYear: number | null; kind: "midterm" | "final" | "target" } | null;
  /** Cells that look like year headers but could not be read ("平成二七年度?", "H27年"). */
  unreadable: Array<{ col: number; text: string }>;
  /** Headers of other columns (a period "累計 (H28~R2年度)"): a year's columns end before them. */
  stops: number[];
}

/** A header cell is short; long texts that mention a year ("平成21年度より…") are data. */
const MAX_HEADER_LENGTH = 24;

export function readYearHeaderRow(view: SheetView, row: number): YearHeaderRow {
  const start = view.filledStart(row);
  const end = view.filledEnd(row);
  const era = rowEra(view, row, start, end);
  const out: YearHeaderRow = { row, era, years: [], baseline: null, target: null, unreadable: [], stops: [] };
  const roles = view.config.labels;
  for (let i = start; i < end; i++) {
    const c = view.filledCol(i);
    const text = view.filledText(row, i);
    const label = view.label(row, c);
    if (label?.field === "baseline") {
      out.baseline = {
        col: c,
        fiscalYear: parseFiscalYear(label.match.rest || text, era)?.fiscalYear ?? null,
      };
      continue;
    }
    if (label && (label.field === "midTarget" || label.field === "finalTarget")) {
      const kind =
        label.field === "midTarget" ? "midterm" : label.match.variant === "最終目標" ? "final" : "target";
      out.target = { col: c, fiscalYear: parseFiscalYear(text, era)?.fiscalYear ?? null, kind };
      continue;
    }
    if (label) continue;
    if (text.length > MAX_HEADER_LENGTH) continue;
    if (isYearSpan(text)) {
      out.stops.push(c);
      continue;
    }
    const fy = parseFiscalYear(text, era);
    if (fy && !fy.onward) {
      out.years.push({ fiscalYear: fy.fiscalYear, col: c, right: c, role: roleIn(text, roles) });
    } else if (!fy && /年|FY|fy|\d{2,4}/.test(text) && !/^[\d,.]+$/.test(text)) {
      out.unreadable.push({ col: c, text });
      out.stops.push(c);
    }
  }
  // A year covers its merge, or the columns up to the next header.
  for (let i = 0; i < out.years.length; i++) {
    const y = out.years[i];
    const merged = view.rightEdge(row, y.col);
    const next = nextStop(out, i);
    const prevWidth = i > 0 ? out.years[i - 1].right - out.years[i - 1].col : 1;
    // The last year is as wide as the one before it (one column each in a plan-only table).
    y.right = merged > y.col ? merged : next !== undefined ? next - 1 : y.col + prevWidth;
  }
  return out;
}

/** The next header right of year i: another year's, the target's or another column's (years are in column order). */
function nextStop(h: YearHeaderRow, i: number): number | undefined {
  const col = h.years[i].col;
  let stop = h.years[i + 1]?.col;
  const consider = (c: number) => {
    if (c > col && (stop === undefined || c < stop)) stop = c;
  };
  if (h.target) consider(h.target.col);
  for (const c of h.stops) consider(c);
  return stop;
}

type Role = "plan" | "actual" | null;
type RoleLabels = { plan: string[]; actual: string[] };

/** Plan or actual when the year's own header says which ("H27 実績"); the label variants are the config's. */
function roleIn(text: string, labels: RoleLabels): Role {
  return roleTable(labels).get(text);
}

/** Every sheet repeats the same year headers: each distinct one is judged once per label set. */
const roleTables = new WeakMap<RoleLabels, MemoTable<Role>>();

function roleTable(labels: RoleLabels): MemoTable<Role> {
  let table = roleTables.get(labels);
  if (table) return table;
  const keysOf = (variants: string[]) => variants.map(labelKey).filter((k) => k !== "");
  const plan = keysOf(labels.plan);
  const actual = keysOf(labels.actual);
  table = new MemoTable((text) => {
    const key = labelKey(text);
    const isPlan = plan.some((k) => key.includes(k));
    const isActual = actual.some((k) => key.includes(k));
    return isPlan === isActual ? null : isPlan ? "plan" : "actual";
  });
  roleTables.set(labels, table);
  return table;
}

/**
 * The Japanese era of the first header in the row that names one (for "29年度以降"), or null. A row
 * of Western years needs no era: an era-less "29年度" reads the same in it as with none.
 */
function rowEra(view: SheetView, row: number, start: number, end: number): Era | null {
  for (let i = start; i < end; i++) {
    const t = view.filledText(row, i);
    if (t.length > MAX_HEADER_LENGTH) continue;
    const fy = parseFiscalYear(t);
    if (fy && fy.explicitEra && fy.era !== "western") return fy.era;
  }
  return null;
}
