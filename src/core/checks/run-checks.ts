/** Runs every rule that has a check, adds the reader's findings, settles severities, sorts. */
import { SEVERITY_ORDER, type Finding } from "../model/finding";
import type { RuleContext } from "./rule";
import { ALL_RULES } from "./index";
import { findingOf } from "./finding";
import { parseA1 } from "../grid/address";
import { compareText, itemNoRank } from "../values/order";

export function runChecks(ctx: RuleContext, readerFindings: Finding[]): Finding[] {
  const out: Finding[] = [];
  const add = (f: Finding | null) => {
    if (f) out.push(f);
  };
  for (const rule of ALL_RULES)
    for (const d of rule.check?.(ctx) ?? []) add(findingOf(rule.code, d, ctx.config));
  // The reader's findings carry a provisional severity: settled here like the rules'.
  for (const f of readerFindings) add(findingOf(f.code, f, ctx.config));
  return sortFindings(out);
}

interface SortKey {
  f: Finding;
  /** itemNoRank of the finding's item No. */
  no: number;
  sheet: string;
  row: number;
  col: number;
}

/** Stable order: item No. (numeric), sheet, row, column, severity, code. */
export function sortFindings(fs: Finding[]): Finding[] {
  // Item-No. ranks and cell positions worked out once per finding (not per comparison); texts compared
  // by code point, so the order is the same on every machine.
  return fs
    .map(sortKey)
    .sort(compareKeys)
    .map((k) => k.f);
}

function compareKeys(a: SortKey, b: SortKey): number {
  return (
    a.no - b.no ||
    compareText(a.f.itemNo ?? "", b.f.itemNo ?? "") ||
    compareText(a.sheet, b.sheet) ||
    a.row - b.row ||
    a.col - b.col ||
    SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
    compareText(a.f.code, b.f.code)
  );
}

function sortKey(f: Finding): SortKey {
  const p = f.cell ? parseA1(f.cell) : { row: -1, col: -1 };
  return { f, no: itemNoRank(f.itemNo), sheet: f.sheet ?? "", row: p.row, col: p.col };
}
