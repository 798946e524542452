/** Runs every rule that has a check, adds the reader's findings, settles severities, sorts. */
import { SEVERITY_ORDER, type Finding } from "../model/finding";
import type { RuleContext } from "./rule";
import { ALL_RULES } from "./index";
import { severityOf } from "./render";
import { parseA1 } from "../grid/address";
import { compareItemNo, compareText } from "../values/order";

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
  // Cell positions parsed once per finding (not per comparison), texts compared by code point: a few hundred
  // findings sort in well under a millisecond, and the order is the same on every machine.
  const keyed = fs.map((f) => {
    const p = f.cell ? parseA1(f.cell) : { row: -1, col: -1 };
    return { f, sheet: f.sheet ?? "", row: p.row, col: p.col };
  });
  keyed.sort(
    (a, b) =>
      compareItemNo(a.f.itemNo, b.f.itemNo) ||
      compareText(a.sheet, b.sheet) ||
      a.row - b.row ||
      a.col - b.col ||
      SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
      compareText(a.f.code, b.f.code),
  );
  return keyed.map((k) => k.f);
}
