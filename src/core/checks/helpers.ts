/** Shared bits for rule modules: walking an item's cells and naming things in messages. */
import type { Item, SourceCell } from "../model/item";
import type { FindingDraft, Params } from "./rule";
import { placeOf } from "./place";
import { formatFiscalYearEn, formatFiscalYearJa } from "../values/fiscal-year";

export interface FigureCell {
  item: Item;
  indicator: string;
  fiscalYear: number;
  role: "plan" | "actual" | "baseline" | "target";
  cell: SourceCell;
}

/**
 * Every plan, actual and baseline cell of every indicator (targets are qualitative by nature).
 * Listed once per item list and shared by the rules that walk them (read-only).
 */
export function figureCells(items: Item[]): readonly FigureCell[] {
  let list = figureLists.get(items);
  if (!list) {
    list = [];
    for (const item of items) {
      for (const ind of item.indicators) {
        const indicator = ind.name;
        if (ind.baseline.cell && ind.baseline.fiscalYear !== null)
          list.push({
            item,
            indicator,
            fiscalYear: ind.baseline.fiscalYear,
            role: "baseline",
            cell: ind.baseline.cell,
          });
        for (const y of ind.years) {
          if (y.plan) list.push({ item, indicator, fiscalYear: y.fiscalYear, role: "plan", cell: y.plan });
          if (y.actual)
            list.push({ item, indicator, fiscalYear: y.fiscalYear, role: "actual", cell: y.actual });
        }
      }
    }
    figureLists.set(items, list);
  }
  return list;
}

const figureLists = new WeakMap<Item[], FigureCell[]>();

/** Every cell an item was read from, for rules that look at any value (Excel errors). */
export function allCells(item: Item): SourceCell[] {
  const out: SourceCell[] = [];
  for (const ind of item.indicators) {
    if (ind.baseline.cell) out.push(ind.baseline.cell);
    for (const y of ind.years) {
      if (y.plan) out.push(y.plan);
      if (y.actual) out.push(y.actual);
    }
    if (ind.target.cell) out.push(ind.target.cell);
  }
  for (const s of item.statuses) if (s.status) out.push(s.status);
  for (const g of item.grades) if (g.grade) out.push(g.grade);
  for (const p of item.periodEvaluations) if (p.grade) out.push(p.grade);
  return out;
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
/** The place every rule message starts with: the same words placeOf gives, so views can strip it. */
export const at = (p: Params) =>
  placeOf({ sheet: p.sheet == null ? null : String(p.sheet), cell: p.cell == null ? null : String(p.cell) });
