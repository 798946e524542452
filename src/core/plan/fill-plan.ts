/**
 * Computed fields into an area we own beside each block's indicator table:
 *   - left = the table's right edge + 2 (one blank column between);
 *   - the title cell (config.ownedAreaTitle, merged across the area) on the table's first row;
 *   - column headers on the row below, every column headed (the reader measures the area by them);
 *   - one row per indicator, on the indicator's own row.
 * Live formulas reference the source cells where those hold plain numbers; otherwise values.
 * A cell staff typed where the area would go stops the block: nothing is written over it.
 */
import type { Analysis } from "../engine";
import type { CellRange, WorkbookSnapshot } from "../grid/cell";
import { Grid } from "../grid/grid";
import { quoteSheetName, toA1 } from "../grid/address";
import type { Finding } from "../model/finding";
import type { ComputedIndicator, ComputedYear } from "../model/computed";
import { actualPlace, type Block, type Indicator, type IndicatorYear, type SourceCell } from "../model/item";
import type { ShinchokuConfig } from "../config/config";
import { emptySheetEdit, type CellWrite, type EditPlan, type SheetEdit } from "./edit-plan";
import { FLAG_FORMATS, STYLE, shortFiscalYear } from "./styles";
import { isLowerIsBetter } from "../compute/compute-item";
import { severityOf } from "../checks/render";

const PER_YEAR = ["達成率", "判定", "増分", "計画累計", "実績累計"] as const;

export interface FillResult {
  plan: EditPlan;
  findings: Finding[];
}

export function planFill(a: Analysis, wb: WorkbookSnapshot): FillResult {
  const grids = new Map(wb.sheets.map((s) => [s.name, Grid.of(s)]));
  // Our areas from an earlier run, by sheet: looked up per sheet and per block.
  const ownedBySheet = new Map<string, CellRange[]>();
  for (const o of a.read.ownedAreas) {
    const list = ownedBySheet.get(o.sheet);
    if (list) list.push(o.range);
    else ownedBySheet.set(o.sheet, [o.range]);
  }
  const edits = new Map<string, SheetEdit>();
  const findings: Finding[] = [];
  const edit = (sheet: string) => {
    let e = edits.get(sheet);
    if (!e) {
      e = emptySheetEdit(sheet, "item");
      // Our areas from an earlier run are cleared and written again: a re-run gives the same sheet.
      e.clear = [...(ownedBySheet.get(sheet) ?? [])];
      edits.set(sheet, e);
    }
    return e;
  };
  for (const o of a.read.ownedAreas) edit(o.sheet);

  for (const ci of a.computed) {
    for (const block of ci.item.blocks) {
      if (!block.table || block.indicators.length === 0) continue;
      const grid = grids.get(block.sheet);
      if (!grid) continue;
      const owned = ownedBySheet.get(block.sheet) ?? [];
      const res = planBlock(block, ci.indicators, a.config, grid, owned, ci.item.no);
      if ("finding" in res) {
        const sev = severityOf(res.finding.code, a.config);
        if (sev) findings.push({ ...res.finding, severity: sev });
        continue;
      }
      const e = edit(block.sheet);
      e.writes.push(...res.writes);
      e.merges.push(res.titleMerge);
      e.conditionalFormats.push(
        ...res.flagRanges.flatMap((range) =>
          FLAG_FORMATS.map((f) => ({ range, equals: f.flag, format: f.format })),
        ),
      );
    }
  }
  return { plan: { edits: [...edits.values()] }, findings };
}

type BlockPlan =
  { writes: CellWrite[]; titleMerge: CellRange; flagRanges: CellRange[] } | { finding: Finding };

function planBlock(
  block: Block,
  computed: ComputedIndicator[],
  config: ShinchokuConfig,
  grid: Grid,
  owned: CellRange[],
  itemNo: string,
): BlockPlan {
  const table = block.table!;
  const left = table.right + 2;
  const titleRow = table.top;
  const headerRow = table.top + 1;
  const years = block.fiscalYears;
  const width = years.length * PER_YEAR.length + 1;
  const right = left + width - 1;
  const rows = block.indicators.map((i) => i.nameCell.row);
  const bottom = Math.max(...rows);
  if (Math.min(...rows) < table.top + 2)
    return { finding: finding("fill/no-room", block.sheet, titleRow, table.left, itemNo, {}) };

  // Never over a staff-typed cell: every cell of the area must be blank or ours from before.
  for (let r = titleRow; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      if (grid.isEmpty(r, c)) continue;
      if (owned.some((o) => r >= o.top && r <= o.bottom && c >= o.left && c <= o.right)) continue;
      return { finding: finding("fill/area-occupied", block.sheet, r, c, itemNo, { cell: toA1(r, c) }) };
    }

  const writes: CellWrite[] = [];
  writes.push({ row: titleRow, col: left, value: config.ownedAreaTitle, format: STYLE.areaTitle });
  for (let c = left + 1; c <= right; c++)
    writes.push({ row: titleRow, col: c, value: null, format: STYLE.areaTitle });
  years.forEach((fy, yi) =>
    PER_YEAR.forEach((h, hi) =>
      writes.push({
        row: headerRow,
        col: left + yi * PER_YEAR.length + hi,
        value: `${shortFiscalYear(fy)} ${h}`,
        format: STYLE.header,
      }),
    ),
  );
  writes.push({ row: headerRow, col: right, value: "期間達成率", format: STYLE.header });

  const flagRanges: CellRange[] = [];
  years.forEach((_, yi) => {
    const col = left + yi * PER_YEAR.length + 1;
    flagRanges.push({ top: Math.min(...rows), bottom, left: col, right: col });
  });

  for (const ind of block.indicators) {
    const ci = computed.find((c) => c.indicator.name === ind.name);
    if (!ci) continue;
    const row = ind.nameCell.row;
    const lower = isLowerIsBetter(ind, config);
    years.forEach((fy, yi) => {
      const y = ci.indicator.years.find((v) => v.fiscalYear === fy);
      const cy = ci.years.find((v) => v.fiscalYear === fy);
      const base = left + yi * PER_YEAR.length;
      if (!y || !cy) return;
      const rateCell = toA1(row, base);
      writes.push(rateWrite(row, base, y, cy, lower, block.sheet));
      writes.push(flagWrite(row, base + 1, cy, rateCell, config, liveRate(y.plan, y.actual)));
      writes.push(incrementWrite(row, base + 2, ci, fy, block.sheet));
      writes.push(totalWrite(row, base + 3, ci, fy, "plan", block.sheet));
      writes.push(totalWrite(row, base + 4, ci, fy, "actual", block.sheet));
    });
    writes.push({ row, col: right, value: ci.periodRate, format: STYLE.rate });
  }
  return { writes, titleMerge: { top: titleRow, bottom: titleRow, left, right }, flagRanges };
}

function finding(
  code: string,
  sheet: string,
  row: number,
  col: number,
  itemNo: string,
  params: Finding["params"],
): Finding {
  return { code, severity: "warning", itemNo: itemNo || null, sheet, cell: toA1(row, col), params };
}

/** A source cell a live formula may reference: a plain number, or blank (the actual to come). */
const plain = (c: SourceCell | null) => c === null || typeof c.raw === "number";
const liveRate = (plan: SourceCell | null, actual: SourceCell | null) =>
  !!plan && typeof plan.raw === "number" && plain(actual);

/** A reference to a source cell from a formula on `fromSheet`. */
function ref(c: SourceCell, fromSheet: string): string {
  return refAt(c.ref.sheet, c.ref.cell, fromSheet);
}

function refAt(sheet: string, cell: string, fromSheet: string): string {
  return sheet === fromSheet ? cell : `${quoteSheetName(sheet)}!${cell}`;
}

function rateWrite(
  row: number,
  col: number,
  y: IndicatorYear,
  cy: ComputedYear,
  lower: boolean,
  sheet: string,
): CellWrite {
  const { plan, actual } = y;
  const w: CellWrite = { row, col, value: cy.rate, format: STYLE.rate };
  if (liveRate(plan, actual) && plan) {
    const p = ref(plan, sheet);
    // A blank actual is referenced where it will be typed (not always right of the plan: merges).
    const blank = actualPlace(y, plan);
    const a = actual ? ref(actual, sheet) : refAt(plan.ref.sheet, toA1(blank.row, blank.col), sheet);
    const [num, den] = lower ? [p, a] : [a, p];
    w.formula = `=IF(AND(ISNUMBER(${p}),ISNUMBER(${a}),${den}<>0),${num}/${den},"")`;
    if (w.value === null) w.value = "";
  }
  return w;
}

function flagWrite(
  row: number,
  col: number,
  cy: ComputedYear,
  rateCell: string,
  config: ShinchokuConfig,
  live: boolean,
): CellWrite {
  const w: CellWrite = { row, col, value: cy.flag, format: STYLE.flag };
  if (live) {
    // When the rate cannot be computed yet, the flag we decided now (未入力 or 対象外) stands.
    const fallback = cy.rate === null ? cy.flag : "";
    const { achieved, mostly } = config.thresholds;
    w.formula = `=IF(ISNUMBER(${rateCell}),IF(${rateCell}>=${achieved},"達成",IF(${rateCell}>=${mostly},"概ね達成","未達成")),"${fallback}")`;
  }
  return w;
}

function incrementWrite(
  row: number,
  col: number,
  ci: ComputedIndicator,
  fy: number,
  sheet: string,
): CellWrite {
  const ind = ci.indicator;
  const cy = ci.years.find((y) => y.fiscalYear === fy)!;
  const w: CellWrite = { row, col, value: ind.cumulative ? cy.increment : null, format: STYLE.count };
  if (!ind.cumulative || cy.increment === null) return w;
  const idx = ind.years.findIndex((y) => y.fiscalYear === fy);
  const cur = ind.years[idx].actual;
  const prev = previousActual(ind, idx);
  if (cur && prev && typeof cur.raw === "number" && typeof prev.raw === "number")
    w.formula = `=${ref(cur, sheet)}-${ref(prev, sheet)}`;
  return w;
}

/** The actual before year idx: the last earlier year with a number, or the baseline. */
function previousActual(ind: Indicator, idx: number): SourceCell | null {
  for (let i = idx - 1; i >= 0; i--) {
    const a = ind.years[i].actual;
    if (a && a.parsed.kind === "number") return a;
  }
  const b = ind.baseline.cell;
  return b && b.parsed.kind === "number" ? b : null;
}

function totalWrite(
  row: number,
  col: number,
  ci: ComputedIndicator,
  fy: number,
  role: "plan" | "actual",
  sheet: string,
): CellWrite {
  const ind = ci.indicator;
  const cy = ci.years.find((y) => y.fiscalYear === fy)!;
  const value = ind.cumulative ? null : role === "plan" ? cy.planTotal : cy.actualTotal;
  const w: CellWrite = { row, col, value, format: STYLE.count };
  if (value === null) return w;
  const cells = ind.years.filter((y) => y.fiscalYear <= fy).map((y) => y[role]);
  if (cells.every((c) => c && typeof c.raw === "number"))
    w.formula = `=SUM(${cells.map((c) => ref(c!, sheet)).join(",")})`;
  return w;
}
