/** Shared bits for rule modules: walking an item's cells and naming things in messages. */
import type { Item, SourceCell } from "../model/item";
import type { FindingDraft, Params } from "./rule";
import { formatFiscalYearEn, formatFiscalYearJa } from "../values/fiscal-year";

export interface FigureCell {
  item: Item;
  indicator: string;
  fiscalYear: number;
  role: "plan" | "actual" | "baseline" | "target";
  cell: SourceCell;
}

/** Every plan, actual and baseline cell of every indicator (targets are qualitative by nature). */
export function* figureCells(items: Item[]): Generator<FigureCell> {
  for (const item of items) {
    for (const ind of item.indicators) {
      if (ind.baseline.cell && ind.baseline.fiscalYear !== null)
        yield {
          item,
          indicator: ind.name,
          fiscalYear: ind.baseline.fiscalYear,
          role: "baseline",
          cell: ind.baseline.cell,
        };
      for (const y of ind.years) {
        if (y.plan) yield { item, indicator: ind.name, fiscalYear: y.fiscalYear, role: "plan", cell: y.plan };
        if (y.actual)
          yield { item, indicator: ind.name, fiscalYear: y.fiscalYear, role: "actual", cell: y.actual };
      }
    }
  }
}

/** Every cell an item was read from, for rules that look at any value (Excel errors). */
export function* allCells(item: Item): Generator<SourceCell> {
  for (const ind of item.indicators) {
    if (ind.baseline.cell) yield ind.baseline.cell;
    for (const y of ind.years) {
      if (y.plan) yield y.plan;
      if (y.actual) yield y.actual;
    }
    if (ind.target.cell) yield ind.target.cell;
  }
  for (const s of item.statuses) if (s.status) yield s.status;
  for (const g of item.grades) if (g.grade) yield g.grade;
  for (const p of item.periodEvaluations) if (p.grade) yield p.grade;
}

export function draft(item: Item, cell: SourceCell, params: Params): FindingDraft {
  return { itemNo: item.no || null, sheet: cell.ref.sheet, cell: cell.ref.cell, params };
}

export function cellDisplay(c: SourceCell): string {
  if (c.raw === null) return "";
  if (typeof c.raw === "object") return c.raw.error;
  return String(c.raw).trim().slice(0, 40);
}

export const ROLE_JA = { plan: "計画", actual: "実績", baseline: "現状値", target: "目標" } as const;
export const ROLE_EN = { plan: "plan", actual: "actual", baseline: "baseline", target: "target" } as const;

export const fyJa = (p: Params) => (typeof p.fiscalYear === "number" ? formatFiscalYearJa(p.fiscalYear) : "");
export const fyEn = (p: Params) => (typeof p.fiscalYear === "number" ? formatFiscalYearEn(p.fiscalYear) : "");
export const at = (p: Params) => (p.cell ? `${p.sheet}!${p.cell}` : String(p.sheet ?? ""));
