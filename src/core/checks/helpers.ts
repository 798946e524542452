/** Shared bits for rule modules: walking an item's cells and naming things in messages. */
import type { Indicator, Item, SourceCell } from "../model/item";
import type { FindingDraft, Params } from "./rule";
import { placeOf } from "./place";
import { formatFiscalYearEn, formatFiscalYearJa } from "../values/fiscal-year";
import { shownText } from "../values/shown";

export type FigureRole = "plan" | "actual" | "baseline";

/**
 * Visits every plan, actual and baseline cell of every indicator (targets are qualitative by
 * nature): per indicator its baseline, then each year's plan and actual. A visitor rather than a
 * list: the rules that walk these cells run on every analysis, and a list would be built anew each time.
 */
export function forEachFigureCell(
  items: Item[],
  visit: (item: Item, ind: Indicator, fiscalYear: number, role: FigureRole, cell: SourceCell) => void,
): void {
  for (const item of items) {
    for (const ind of item.indicators) {
      if (ind.baseline.cell && ind.baseline.fiscalYear !== null)
        visit(item, ind, ind.baseline.fiscalYear, "baseline", ind.baseline.cell);
      for (const y of ind.years) {
        if (y.plan) visit(item, ind, y.fiscalYear, "plan", y.plan);
        if (y.actual) visit(item, ind, y.fiscalYear, "actual", y.actual);
      }
    }
  }
}

/** Visits every cell each item was read from, for rules that look at any value (Excel errors). */
export function forEachCell(items: Item[], visit: (item: Item, cell: SourceCell) => void): void {
  for (const item of items) {
    for (const ind of item.indicators) {
      if (ind.baseline.cell) visit(item, ind.baseline.cell);
      for (const y of ind.years) {
        if (y.plan) visit(item, y.plan);
        if (y.actual) visit(item, y.actual);
      }
      if (ind.target.cell) visit(item, ind.target.cell);
    }
    for (const s of item.statuses) if (s.status) visit(item, s.status);
    for (const g of item.grades) if (g.grade) visit(item, g.grade);
    for (const p of item.periodEvaluations) if (p.grade) visit(item, p.grade);
  }
}

export function draft(item: Item, cell: SourceCell, params: Params): FindingDraft {
  return { itemNo: item.no || null, sheet: cell.sheet, cell: cell.cell, params };
}

/** The cell's text as a message quotes it: at most 40 characters. */
export function cellDisplay(c: SourceCell): string {
  return (shownText(c) ?? "").slice(0, 40);
}

export const ROLE_JA = { plan: "計画", actual: "実績", baseline: "現状値", target: "目標" } as const;
export const ROLE_EN = { plan: "plan", actual: "actual", baseline: "baseline", target: "target" } as const;

export const fyJa = (p: Params) => (typeof p.fiscalYear === "number" ? formatFiscalYearJa(p.fiscalYear) : "");
export const fyEn = (p: Params) => (typeof p.fiscalYear === "number" ? formatFiscalYearEn(p.fiscalYear) : "");
/** The place every rule message starts with: the same words placeOf gives, so views can strip it. */
export const at = (p: Params) =>
  placeOf({ sheet: p.sheet == null ? null : String(p.sheet), cell: p.cell == null ? null : String(p.cell) });
