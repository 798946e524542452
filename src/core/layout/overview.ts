/**
 * The plan/actual table (改革実施概要): year headers, the 計画/実績 sub-header, the 取組工程 text row, and
 * the indicator rows. Columns come from the headers, aligned to the data (see align.ts).
 */
import type { Finding } from "../model/finding";
import type { Indicator, IndicatorKind, ProcessRow, SourceCell } from "../model/item";
import type { ShinchokuConfig } from "../config/config";
import { nfkc } from "../values/normalize";
import type { Era } from "../values/fiscal-year";
import { ContentCache, MemoTable } from "../values/memo";
import { alignRows, type AlignRow } from "./align";
import { readYearHeaderRow, type YearHeaderRow } from "./year-header";
import type { Section } from "./segment";
import type { LabelCell, SheetView } from "./sheet-view";
import type { LabelField } from "./labels";
import { readerFinding } from "./reader-finding";

export interface OverviewResult {
  fiscalYears: number[];
  indicators: Indicator[];
  process: ProcessRow | null;
  table: { top: number; bottom: number; left: number; right: number } | null;
  targetKind: "midterm" | "final" | "target" | null;
  /** The era the table's year header row names, for era-less years below it (null without a table). */
  era: Era | null;
  findings: Finding[];
}

interface Slots {
  baseline: number | null;
  /** A year's plan or actual column is null when the form has none for it (a plan-only table). */
  years: Array<{ fiscalYear: number; plan: number | null; actual: number | null }>;
  target: number | null;
}

export function readOverview(view: SheetView, section: Section, config: ShinchokuConfig): OverviewResult {
  const findings: Finding[] = [];
  const header = findHeaderRow(view, section);
  if (!header || header.years.length === 0) {
    const texts = header?.unreadable.map((u) => u.text) ?? [];
    const at = header?.unreadable[0] ? { row: header.row, col: header.unreadable[0].col } : section.anchor;
    findings.push(
      readerFinding("layout/year-header-unreadable", view.name, at.row, at.col, {
        text: texts.join(" / ") || "",
      }),
    );
    return noTable(findings);
  }
  for (const u of header.unreadable)
    findings.push(
      readerFinding("layout/year-header-unreadable", view.name, header.row, u.col, { text: u.text }),
    );

  const sub = header.row + 1 <= section.bottom ? readPlanActualRow(view, header.row + 1) : null;
  const slots = slotColumns(header, sub?.cells ?? [], (col) =>
    findings.push(
      readerFinding("layout/year-column-unpaired", view.name, header.row, col, {
        text: view.text(header.row, col),
      }),
    ),
  );
  if (slots.years.length === 0) return noTable(findings);
  const firstDataRow = sub ? header.row + 2 : header.row + 1;

  // Indicator rows start at the 指標 label; rows between the headers and it are the 取組工程 text row.
  const indicatorLabel = firstLabelOf(view, "indicator", firstDataRow, section.bottom);
  const dataRows: number[] = [];
  for (let r = firstDataRow; r <= section.bottom; r++) {
    if (view.rowIsBlank(r)) {
      if (dataRows.length && indicatorLabel && r > indicatorLabel.row) break;
      continue;
    }
    dataRows.push(r);
  }
  const slotCols = allSlots(slots);
  let firstSlot = slotCols[0];
  let lastSlot = slotCols[0];
  for (const c of slotCols) {
    if (c < firstSlot) firstSlot = c;
    if (c > lastSlot) lastSlot = c;
  }
  const lastDataCol = lastSlot + 2;
  const rows: Array<AlignRow & { kind: "process" | "indicator"; nameCol: number | null }> = [];
  for (const r of dataRows) {
    const isIndicator = indicatorLabel ? r >= indicatorLabel.row : true;
    let labelEdge = view.labelEdge(r);
    let nameCol: number | null = null;
    if (isIndicator) {
      // The name is the first text cell after the labels (and left of the data when headers allow).
      let first = view.firstFilledFrom(r, labelEdge + 1);
      while (first >= 0 && view.isNote(r, first)) first = view.firstFilledFrom(r, first + 1);
      if (first >= 0 && view.parsed(r, first).kind === "text") nameCol = first;
      if (nameCol === null) continue; // a row of numbers with no name: reported below as stray
      labelEdge = Math.max(labelEdge, view.rightEdge(r, nameCol));
    }
    const dataCols = view.dataCellsInRow(r, labelEdge + 1, lastDataCol);
    // A text with no figure beside it (a memo in a blank row, a word under the target) is no indicator.
    if (dataCols.length === 0) continue;
    rows.push({ row: r, labelEdge, dataCols, kind: isIndicator ? "indicator" : "process", nameCol });
  }
  const alignment = alignRows(slotCols, rows);
  if (!alignment) {
    // The headers were read; a row whose text reaches over the year columns is what stops the table.
    const over = rows.find((r) => r.labelEdge >= firstSlot);
    findings.push(
      over
        ? readerFinding(
            "layout/text-over-years",
            view.name,
            over.row,
            over.nameCol ?? view.labelEdge(over.row),
            {
              label: view.text(over.row, over.nameCol ?? view.firstFilledFrom(over.row, 0)).slice(0, 20),
            },
          )
        : readerFinding("layout/year-header-unreadable", view.name, header.row, firstSlot, { text: "" }),
    );
    return noTable(findings);
  }
  const s = alignment.shift;
  // A note where a figure goes is a note, not the figure (nor text to be read as one).
  const at = (r: number, c: number | null): SourceCell | null =>
    c === null || view.isNote(r, c + s) ? null : view.sourceOrNull(r, c + s);

  const indicators: Indicator[] = [];
  const nameFacts = nameFactsFor(config);
  let process: ProcessRow | null = null;
  for (const row of rows) {
    const years = slots.years.map((y) => {
      const actual = at(row.row, y.actual);
      // Where a blank actual is to be typed; a filled one is its own place; none in a plan-only table.
      const actualAt = actual === null && y.actual !== null ? { row: row.row, col: y.actual + s } : null;
      return { fiscalYear: y.fiscalYear, plan: at(row.row, y.plan), actual, actualAt };
    });
    if (row.kind === "process") {
      process ??= { baseline: at(row.row, slots.baseline), years, target: at(row.row, slots.target) };
      continue;
    }
    const nameCell = view.source(row.row, row.nameCol as number);
    const name = String(nameCell.raw).trim();
    const facts = nameFacts.get(nfkc(name));
    indicators.push({
      name,
      nameCell,
      kind: facts.kind,
      cumulative: facts.kind === "cumulative",
      lowerIsBetter: facts.lowerIsBetter,
      unit: facts.unit ?? typedUnit(at(row.row, slots.baseline), years),
      baseline: { fiscalYear: header.baseline?.fiscalYear ?? null, cell: at(row.row, slots.baseline) },
      years,
      target: { kind: header.target?.kind ?? "target", cell: at(row.row, slots.target) },
    });
  }
  for (const st of alignment.stray) {
    const row = rows.find((r) => r.row === st.row);
    const label = row?.nameCol != null ? view.text(st.row, row.nameCol) : view.text(st.row, st.col);
    findings.push(readerFinding("layout/unaligned-row", view.name, st.row, st.col, { label }));
  }
  const lastRow = rows.length ? rows[rows.length - 1].row : header.row;
  const right = lastDataCol - 2 + s;
  return {
    fiscalYears: slots.years.map((y) => y.fiscalYear),
    indicators,
    process,
    table: {
      top: header.row,
      bottom: lastRow,
      left: section.anchor.col,
      right: Math.max(right, header.target ? view.rightEdge(header.row, header.target.col) : 0),
    },
    targetKind: header.target?.kind ?? null,
    era: header.era,
    findings,
  };
}

/** The unit typed with the figures ("1,152人"), the first found, when the name gives none. */
function typedUnit(
  baseline: SourceCell | null,
  years: Array<{ plan: SourceCell | null; actual: SourceCell | null }>,
): string | null {
  const unitOf = (c: SourceCell | null) => (c && c.parsed.kind === "number" ? (c.parsed.unit ?? null) : null);
  let u = unitOf(baseline);
  for (const y of years) u ??= unitOf(y.plan) ?? unitOf(y.actual);
  return u;
}

/** What a section without a readable table gives: its findings only. */
function noTable(findings: Finding[]): OverviewResult {
  return {
    fiscalYears: [],
    indicators: [],
    process: null,
    table: null,
    targetKind: null,
    era: null,
    findings,
  };
}

/** The first label of that field on rows top to bottom (labels are in reading order). */
function firstLabelOf(
  view: SheetView,
  field: LabelField,
  top: number,
  bottom: number,
): LabelCell | undefined {
  for (let i = view.labelStart(top), end = view.labelStart(bottom + 1); i < end; i++)
    if (view.labels[i].field === field) return view.labels[i];
  return undefined;
}

/** The year header row: on the section label's row or just below it. */
function findHeaderRow(view: SheetView, section: Section): YearHeaderRow | null {
  let fallback: YearHeaderRow | null = null;
  for (let r = section.top; r <= Math.min(section.bottom, section.anchor.row + 2); r++) {
    const h = readYearHeaderRow(view, r);
    if (h.years.length) return h;
    if (!fallback && (h.unreadable.length || h.baseline)) fallback = h;
  }
  return fallback;
}

function readPlanActualRow(
  view: SheetView,
  row: number,
): { cells: Array<{ col: number; kind: "plan" | "actual" }> } | null {
  const cells: Array<{ col: number; kind: "plan" | "actual" }> = [];
  for (let i = view.labelStart(row), end = view.labelStart(row + 1); i < end; i++) {
    const l = view.labels[i];
    if (l.field === "plan" || l.field === "actual") cells.push({ col: l.col, kind: l.field });
  }
  return cells.length ? { cells } : null;
}

/**
 * Plan and actual columns per year: from the 計画/実績 sub-header where it is, else the year's first and
 * last column. A year with one column is plan-only or actual-only when its header or sub-header says
 * so ("H27 実績"), and otherwise unreadable (`unpaired`): never paired with the next year's column.
 * A year named twice ("H27 計画" | "H27 実績") is one year of two columns.
 */
function slotColumns(
  h: YearHeaderRow,
  sub: Array<{ col: number; kind: "plan" | "actual" }>,
  unpaired: (col: number) => void,
): Slots {
  const years: Slots["years"] = [];
  for (let i = 0; i < h.years.length; i++) {
    const y = h.years[i];
    const nextCol = h.years[i + 1]?.col ?? Infinity;
    const subPlan = subColumn(sub, "plan", y.col, nextCol);
    const subActual = subColumn(sub, "actual", y.col, nextCol);
    let plan: number | null;
    let actual: number | null;
    if (y.role === "plan") [plan, actual] = [subPlan ?? y.col, null];
    else if (y.role === "actual") [plan, actual] = [null, subActual ?? y.col];
    else if (y.right > y.col || (subPlan !== undefined && subActual !== undefined)) {
      plan = subPlan ?? y.col;
      actual = subActual ?? (y.right > plan ? y.right : plan + 1);
    } else if (subPlan !== undefined || subActual !== undefined) {
      [plan, actual] = [subPlan ?? null, subActual ?? null];
    } else {
      unpaired(y.col);
      continue;
    }
    const same = years.find((o) => o.fiscalYear === y.fiscalYear);
    if (same && (same.plan === null) !== (plan === null)) {
      same.plan ??= plan;
      same.actual ??= actual;
      continue;
    }
    years.push({ fiscalYear: y.fiscalYear, plan, actual });
  }
  return { baseline: h.baseline?.col ?? null, years, target: h.target?.col ?? null };
}

/** The first 計画 or 実績 sub-header from column `from` up to (not including) `to`. */
function subColumn(
  sub: Array<{ col: number; kind: "plan" | "actual" }>,
  kind: "plan" | "actual",
  from: number,
  to: number,
): number | undefined {
  for (const s of sub) if (s.kind === kind && s.col >= from && s.col < to) return s.col;
  return undefined;
}

function allSlots(s: Slots): number[] {
  const out: number[] = [];
  if (s.baseline !== null) out.push(s.baseline);
  for (const y of s.years) {
    if (y.plan !== null) out.push(y.plan);
    if (y.actual !== null) out.push(y.actual);
  }
  if (s.target !== null) out.push(s.target);
  return out;
}

interface NameFacts {
  kind: IndicatorKind;
  lowerIsBetter: boolean;
  unit: string | null;
}

/**
 * What an indicator's normalised name says, per distinct name: every sheet of a plan repeats the
 * same indicators. One table per marker configuration.
 */
const nameFactTables = new ContentCache<MemoTable<NameFacts>>();

function nameFactsFor(config: ShinchokuConfig): MemoTable<NameFacts> {
  const key = () =>
    JSON.stringify([
      config.cumulativeMarkers,
      config.annualMarkers,
      config.levelMarkers,
      config.indicatorKinds,
      config.defaultIndicatorKind,
      config.lowerIsBetter,
    ]);
  return nameFactTables.getFor(config, key, () => {
    // A blank marker would match every name: dropped.
    const norm = (list: readonly string[] | undefined) =>
      (list ?? []).filter((m) => m.trim() !== "").map(nfkc);
    const cumulative = norm(config.cumulativeMarkers);
    const annual = norm(config.annualMarkers);
    const level = norm(config.levelMarkers);
    const explicit = (config.indicatorKinds ?? [])
      .filter((k) => k.name.trim() !== "")
      .map((k) => ({ name: nfkc(k.name), kind: k.kind }));
    const lower = norm(config.lowerIsBetter);
    const markers = [...cumulative, ...annual, ...level];
    const fallback: IndicatorKind = config.defaultIndicatorKind ?? "level";
    return new MemoTable((name) => ({
      kind: kindOf(name, explicit, cumulative, level, annual, fallback),
      lowerIsBetter: lower.some((m) => name.includes(m)),
      unit: unitOf(name, markers),
    }));
  });
}

/**
 * The configured kind first, then the name's markers: 累計 before 年度末時点 before 単年度 (a
 * "削減額(累計)" is a running total; a "年間利用者数(年度末時点)" stands at the year's end).
 */
function kindOf(
  name: string,
  explicit: Array<{ name: string; kind: IndicatorKind }>,
  cumulative: string[],
  level: string[],
  annual: string[],
  fallback: IndicatorKind,
): IndicatorKind {
  for (const e of explicit) if (name.includes(e.name)) return e.kind;
  if (cumulative.some((m) => name.includes(m))) return "cumulative";
  if (level.some((m) => name.includes(m))) return "level";
  if (annual.some((m) => name.includes(m))) return "annual";
  return fallback;
}

/** "(人)", "(件)" or a % in the name; a kind marker in brackets ("(累計)", "(単年度)") is not a unit. */
function unitOf(name: string, kindMarkers: string[]): string | null {
  const parens = [...name.matchAll(/\(([^()]{1,6})\)/g)].map((m) => m[1]);
  const unit = parens.reverse().find((p) => !kindMarkers.some((c) => p.includes(c)));
  if (unit) return unit;
  if (/%|率|割合/.test(name)) return "%";
  return null;
}
