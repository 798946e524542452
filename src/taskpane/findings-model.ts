/**
 * How the pane lists findings: grouped by item (in the workbook's sheet order), errors first,
 * then by sheet and cell, filtered by severity. Pure, so it is tested without a DOM.
 */
import {
  compareText,
  countBySeverity,
  parseA1,
  type RenderedFinding,
  type Severity,
  SEVERITY_ORDER,
} from "../core";
import type { OperationResult, PaneIndicator } from "../excel/types";
import type { MessageKey } from "../shared/i18n";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export type Counts = Record<Severity, number>;

export interface FindingGroup {
  /** Stable key: "item:<No.>" or "workbook". */
  key: string;
  itemNo: string | null;
  title: string | null;
  counts: Counts;
  /** Findings that pass the filter, sorted. */
  findings: RenderedFinding[];
  /** The item's indicators, their kind and period rate (none for the workbook group). */
  indicators: PaneIndicator[];
}

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, info: 0 };
}

function cellOrder(cell: string | null): [number, number] {
  if (!cell) return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  try {
    const { row, col } = parseA1(cell);
    return [row, col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  }
}

/**
 * Groups in the order items were read; findings of an item the result does not list (No. known
 * only from the finding) follow, then workbook-wide findings. Counts are of all findings, the
 * list is of the filtered ones; groups with nothing at all are left out.
 */
export function groupFindings(
  result: Pick<OperationResult, "items" | "findings">,
  show: ReadonlySet<Severity> = new Set(SEVERITIES),
): FindingGroup[] {
  const sheetOrder = new Map<string, number>();
  for (const it of result.items)
    if (it.sheet !== null && !sheetOrder.has(it.sheet)) sheetOrder.set(it.sheet, sheetOrder.size);

  const groups = new Map<string, FindingGroup>();
  for (const it of result.items) {
    const key = `item:${it.no}`;
    if (!groups.has(key))
      groups.set(key, {
        key,
        itemNo: it.no,
        title: it.title,
        counts: emptyCounts(),
        findings: [],
        indicators: it.indicators ?? [],
      });
  }
  const all = new Map<string, RenderedFinding[]>();
  for (const f of result.findings) {
    const key = f.itemNo !== null ? `item:${f.itemNo}` : "workbook";
    if (!groups.has(key)) {
      groups.set(key, {
        key,
        itemNo: f.itemNo,
        title: null,
        counts: emptyCounts(),
        findings: [],
        indicators: [],
      });
    }
    const list = all.get(key) ?? [];
    list.push(f);
    all.set(key, list);
  }

  // Cell positions parsed once per finding, not in every comparison.
  const pos = new Map(result.findings.map((f) => [f, cellOrder(f.cell)] as const));
  const compare = (a: RenderedFinding, b: RenderedFinding): number => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s) return s;
    const sa = a.sheet === null ? Infinity : (sheetOrder.get(a.sheet) ?? sheetOrder.size);
    const sb = b.sheet === null ? Infinity : (sheetOrder.get(b.sheet) ?? sheetOrder.size);
    if (sa !== sb) return sa - sb;
    if (a.sheet !== b.sheet) return compareText(a.sheet ?? "", b.sheet ?? "");
    const [ra, ca] = pos.get(a) ?? cellOrder(a.cell);
    const [rb, cb] = pos.get(b) ?? cellOrder(b.cell);
    return ra - rb || ca - cb;
  };

  const out: FindingGroup[] = [];
  const workbook = groups.get("workbook");
  groups.delete("workbook");
  for (const g of [...groups.values(), ...(workbook ? [workbook] : [])]) {
    const list = all.get(g.key) ?? [];
    if (list.length === 0) continue;
    g.counts = countBySeverity(list);
    // Array.prototype.sort is stable: equal findings keep the engine's order.
    g.findings = list.filter((f) => show.has(f.severity)).sort(compare);
    out.push(g);
  }
  return out;
}

/**
 * Letters, digits, _ and . of names shown bare: ASCII, Latin, kana and kanji. No Unicode property
 * escapes (ES2018; the pane runs on ES2017 hosts); a name with other characters is quoted, which
 * is always valid.
 */
const BARE_SHEET_NAME = /^[0-9A-Za-z_.\u00c0-\u024f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]+$/;

/** "Sheet!A1" as Excel writes it, quoting sheet names that need it. */
export function locationText(sheet: string | null, cell: string | null): string | null {
  if (sheet === null) return cell;
  const quoted = BARE_SHEET_NAME.test(sheet) && !/^\d/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell ? `${quoted}!${cell}` : quoted;
}

/** Findings of one rule: the pane's "12 件: 現状値が見込みのまま" line that opens to the list. */
export interface RuleGroup {
  code: string;
  /** The most severe of its findings (a rule's findings share one severity unless configured apart). */
  severity: Severity;
  /** All its findings, counted before the filter. */
  count: number;
  /** What the rule checks, in the pane's language; the code when the rule is unknown. */
  title: string;
  /** Findings that pass the filter, in the engine's order. */
  findings: RenderedFinding[];
}

/**
 * Findings grouped by rule: errors before warnings before info, then the larger group first, then
 * by code. Groups whose findings are all filtered out are left out.
 */
export function groupByRule(
  findings: readonly RenderedFinding[],
  title: (code: string) => string,
  show: ReadonlySet<Severity> = new Set(SEVERITIES),
): RuleGroup[] {
  const byCode = new Map<string, RuleGroup>();
  for (const f of findings) {
    let g = byCode.get(f.code);
    if (!g) {
      g = { code: f.code, severity: f.severity, count: 0, title: title(f.code), findings: [] };
      byCode.set(f.code, g);
    }
    g.count++;
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[g.severity]) g.severity = f.severity;
    if (show.has(f.severity)) g.findings.push(f);
  }
  return [...byCode.values()]
    .filter((g) => g.findings.length > 0)
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        b.count - a.count ||
        compareText(a.code, b.code),
    );
}

/** The checklist by lead department (in the engine's order), for the pane's list of what is missing. */
export function checklistByDepartment<T extends { department: string }>(
  entries: readonly T[],
): Array<{ department: string; entries: T[] }> {
  const out: Array<{ department: string; entries: T[] }> = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (last && last.department === e.department) last.entries.push(e);
    else out.push({ department: e.department, entries: [e] });
  }
  return out;
}

/**
 * One line per indicator: its name, kind and period rate with what the rate is taken over, so that
 * nobody reads a level's 最終年度 rate as a total (strings from i18n; the pane sets them as text).
 */
export function indicatorLines(
  indicators: readonly PaneIndicator[],
  tr: (key: MessageKey, params?: Record<string, string | number>) => string,
): string[] {
  return indicators.map((ind) =>
    tr("indicator.line", {
      name: ind.name,
      kind: tr(`indicator.kind.${ind.kind}`),
      rate: ind.periodRate === null ? tr("indicator.noRate") : `${(ind.periodRate * 100).toFixed(1)}%`,
      basis: tr(`indicator.basis.${ind.periodBasis}`),
    }),
  );
}
