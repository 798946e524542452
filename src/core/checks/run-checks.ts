/** Runs every rule that has a check, adds the reader's findings, settles severities, sorts. */
import { SEVERITY_ORDER, type Finding } from "../model/finding";
import type { RuleContext } from "./rule";
import { ALL_RULES } from "./index";
import { severityOf } from "./render";
import { parseA1 } from "../grid/address";

export function runChecks(ctx: RuleContext, readerFindings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const rule of ALL_RULES) {
    if (!rule.check) continue;
    const sev = severityOf(rule.code, ctx.config);
    if (!sev) continue;
    for (const d of rule.check(ctx)) out.push({ ...d, code: rule.code, severity: sev });
  }
  for (const f of readerFindings) {
    const sev = severityOf(f.code, ctx.config);
    if (sev) out.push({ ...f, severity: sev });
  }
  return sortFindings(out);
}

/** Stable order: item No. (numeric), sheet, row, column, severity, code. */
export function sortFindings(fs: Finding[]): Finding[] {
  // Keys computed once per finding (not per comparison), compared by code point: a few hundred
  // findings sort in well under a millisecond, and the order is the same on every machine.
  const keyed = fs.map((f) => {
    const p = f.cell ? parseA1(f.cell) : { row: -1, col: -1 };
    return { f, no: noKey(f.itemNo), itemNo: f.itemNo ?? "", sheet: f.sheet ?? "", row: p.row, col: p.col };
  });
  keyed.sort(
    (a, b) =>
      a.no - b.no ||
      compare(a.itemNo, b.itemNo) ||
      compare(a.sheet, b.sheet) ||
      a.row - b.row ||
      a.col - b.col ||
      SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
      compare(a.f.code, b.f.code),
  );
  return keyed.map((k) => k.f);
}

function noKey(n: string | null): number {
  if (n === null || n === "") return Number.MAX_SAFE_INTEGER;
  const v = Number(n);
  return Number.isFinite(v) ? v : Number.MAX_SAFE_INTEGER - 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
