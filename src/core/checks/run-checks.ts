/** Runs every rule that has a check, adds the reader's findings, settles severities, sorts. */
import type { Finding } from "../model/finding";
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

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Stable order: item No. (numeric), sheet, row, column, severity, code. */
export function sortFindings(fs: Finding[]): Finding[] {
  const pos = (f: Finding) => (f.cell ? parseA1(f.cell) : { row: -1, col: -1 });
  const noKey = (n: string | null) =>
    n === null || n === ""
      ? Number.MAX_SAFE_INTEGER
      : Number.isFinite(Number(n))
        ? Number(n)
        : Number.MAX_SAFE_INTEGER - 1;
  return [...fs].sort((a, b) => {
    const n = noKey(a.itemNo) - noKey(b.itemNo) || (a.itemNo ?? "").localeCompare(b.itemNo ?? "");
    if (n) return n;
    const s = (a.sheet ?? "").localeCompare(b.sheet ?? "");
    if (s) return s;
    const pa = pos(a);
    const pb = pos(b);
    return (
      pa.row - pb.row ||
      pa.col - pb.col ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code)
    );
  });
}
