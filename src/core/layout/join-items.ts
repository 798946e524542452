/**
 * Blocks become items: joined by No., one continuous series of fiscal years, header fields checked
 * for agreement across the item's sheets.
 */
import type { Finding } from "../model/finding";
import { byFiscalYear, indexOfYear, ofYear } from "../values/order";
import type { Block, BlockHeader, Indicator, IndicatorYear, Item, SourceCell } from "../model/item";
import { nfkc } from "../values/normalize";
import { MemoTable } from "../values/memo";
import { readerFinding } from "./reader-finding";
import { parseA1 } from "../grid/address";
import { pushTo } from "../values/group";
import { shownText } from "../values/shown";

export function itemNoOf(cell: SourceCell | null): string {
  if (!cell) return "";
  const p = cell.parsed;
  if (p.kind === "number") return String(p.value);
  const t = p.kind === "text" ? p.text : "";
  return nfkc(t)
    .replace(/^No\.?\s*/i, "")
    .trim();
}

/** A text field as staff wrote it (trimmed; Ⅱ stays Ⅱ). */
function text(cell: SourceCell | null): string {
  return shownText(cell) ?? "";
}

const DEPARTMENT_SEPARATORS = /[\s,、，/／]+/;
const MARKS = /[●◎○]/g;
const LEAD_MARK = /[●◎]/;

/** "市民協働課● 中央公民館": names split on spaces and commas; "●" next to a name marks the lead. */
export function parseDepartments(s: string): { departments: string[]; lead: string | null } {
  let lead: string | null = null;
  const departments: string[] = [];
  for (const token of nfkc(s).split(DEPARTMENT_SEPARATORS)) {
    const t = token.trim();
    if (!t) continue;
    const name = t.replace(MARKS, "").trim();
    if (!name) continue;
    if (lead === null && LEAD_MARK.test(t)) lead = name;
    departments.push(name);
  }
  return { departments, lead: lead ?? (departments.length === 1 ? departments[0] : null) };
}

/** The header fields that hold one text (the No. joins the blocks; goals are a list). */
type HeaderField = Exclude<keyof BlockHeader, "no" | "goals">;

const COMPARED: Array<{ field: HeaderField; name: string }> = [
  { field: "pillar", name: "重点改革項目" },
  { field: "midItem", name: "中項目" },
  { field: "smallItem", name: "小項目" },
  { field: "title", name: "改革実施項目名称" },
  { field: "departments", name: "担当課" },
];

export function joinItems(blocks: Block[]): { items: Item[]; findings: Finding[] } {
  const findings: Finding[] = [];
  // In the order items first appear (a Map keeps its keys' insertion order).
  const groups = new Map<string, Block[]>();
  for (const b of blocks) {
    const no = itemNoOf(b.header.no);
    // A block without a No. is an item of its own, keyed by where it is.
    pushTo(groups, no || `?${b.sheet}!${b.top}`, b);
  }
  const items: Item[] = [];
  for (const [key, group] of groups) {
    const bs = group.sort(byFirstYear);
    const first = bs[0];
    const no = key.startsWith("?") ? "" : key;
    if (!no) {
      const at = first.header.title ?? first.header.pillar;
      const row = at ? at.row : first.top;
      const col = at ? at.col : 0;
      findings.push(
        readerFinding("item/no-missing", first.sheet, row, col, { title: text(first.header.title) }, null),
      );
    }
    for (const { field, name } of COMPARED) {
      const base = firstWith(bs, field);
      if (!base) continue;
      const baseText = text(base.header[field]);
      for (const b of bs) {
        const cell = b.header[field];
        if (!cell || b === base) continue;
        // The same text needs no normalising: sheets of one item mostly repeat their headers.
        const t = text(cell);
        if (t !== baseText && normalizeForCompare(t) !== normalizeForCompare(baseText)) {
          const a = parseA1(cell.cell);
          findings.push(
            readerFinding(
              "item/header-mismatch",
              b.sheet,
              a.row,
              a.col,
              {
                field: name,
                value: t,
                otherValue: baseText,
                otherSheet: base.sheet,
                otherCell: base.header[field]!.cell,
              },
              no || null,
            ),
          );
        }
      }
    }
    const pick = (f: HeaderField) => text(firstWith(bs, f)?.header[f] ?? null);
    const deps = parseDepartments(pick("departments"));
    items.push({
      no,
      title: pick("title"),
      pillar: pick("pillar"),
      midItem: pick("midItem"),
      smallItem: pick("smallItem"),
      departments: deps.departments,
      leadDepartment: deps.lead,
      sheets: sheetsOf(bs),
      texts: { situation: pick("situation"), goals: goalsOf(bs), content: pick("content") },
      indicators: joinIndicators(bs, no, findings),
      process: gather(bs, (b) => (b.process ? [b.process] : [])),
      statuses: gather(bs, (b) => b.statuses).sort(byFiscalYear),
      grades: gather(bs, (b) => b.grades).sort(byFiscalYear),
      periodEvaluations: gather(bs, (b) => b.periodEvaluations),
      blocks: bs,
      noCell: first.header.no,
    });
  }
  return { items, findings };
}

/** Every item compares the same few header texts across its sheets: each distinct text is keyed once. */
const compareKeys = new MemoTable((s) => nfkc(s).replace(/\s+/g, ""));

function normalizeForCompare(s: string): string {
  return compareKeys.get(s);
}

const byFirstYear = (a: Block, b: Block): number => (a.fiscalYears[0] ?? 0) - (b.fiscalYears[0] ?? 0);

/** The first block that has the header field. */
function firstWith(blocks: Block[], field: HeaderField): Block | undefined {
  for (const b of blocks) if (b.header[field]) return b;
  return undefined;
}

/** The item's sheets, once each in first-seen order. */
function sheetsOf(blocks: Block[]): string[] {
  return [...new Set(blocks.map((b) => b.sheet))];
}

/** The goals' texts, once each, blanks left out. */
function goalsOf(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks)
    for (const c of b.header.goals) {
      const t = text(c);
      if (t && !out.includes(t)) out.push(t);
    }
  return out;
}

/** The lists of every block, one after another. */
function gather<T>(blocks: Block[], list: (b: Block) => readonly T[]): T[] {
  return blocks.flatMap(list);
}

/** Indicators of the item's blocks joined by name; a year read twice with different figures is an error. */
function joinIndicators(blocks: Block[], no: string, findings: Finding[]): Indicator[] {
  const byName = new Map<string, Indicator>();
  const out: Indicator[] = [];
  for (const b of blocks) {
    for (const ind of b.indicators) {
      const key = normalizeForCompare(ind.name);
      const have = byName.get(key);
      if (!have) {
        // A copy with a list of years of its own: the years of later blocks join it.
        const copy: Indicator = { ...ind, years: ind.years.slice() };
        byName.set(key, copy);
        out.push(copy);
        continue;
      }
      for (const y of ind.years) {
        const prev = ofYear(have.years, y.fiscalYear);
        if (!prev) {
          have.years.push(y);
          continue;
        }
        const samePlan = sameFigure(prev.plan, y.plan);
        if (samePlan && sameFigure(prev.actual, y.actual)) continue;
        // Plan and actual in tables of their own (one column per year): each fills the other's gap.
        if (complements(prev, y)) {
          const i = indexOfYear(have.years, y.fiscalYear);
          have.years[i] = {
            fiscalYear: y.fiscalYear,
            plan: prev.plan ?? y.plan,
            actual: prev.actual ?? y.actual,
            actualAt: prev.actual ? prev.actualAt : (y.actualAt ?? prev.actualAt),
          };
          continue;
        }
        // The cell that differs: the plan when the plans differ, else the actual.
        const at = (samePlan ? y.actual : y.plan) ?? y.actual ?? y.plan ?? ind.nameCell;
        const other = (samePlan ? prev.actual : prev.plan) ?? prev.actual ?? prev.plan ?? have.nameCell;
        findings.push(
          readerFinding(
            "layout/duplicate-year",
            at.sheet,
            at.row,
            at.col,
            {
              indicator: ind.name,
              fiscalYear: y.fiscalYear,
              otherSheet: other.sheet,
              otherCell: other.cell,
            },
            no || null,
          ),
        );
      }
      have.years.sort(byFiscalYear);
      // The baseline comes from the earliest period; the target from the latest.
      if (!have.baseline.cell && ind.baseline.cell) have.baseline = ind.baseline;
      if (ind.target.cell) have.target = ind.target;
    }
  }
  return out;
}

/** Two reads of one year where each has only what the other lacks (a plan table and an actual table). */
function complements(a: IndicatorYear, b: IndicatorYear): boolean {
  return (!a.plan && !!a.actual && !!b.plan && !b.actual) || (!!a.plan && !a.actual && !b.plan && !!b.actual);
}

function sameFigure(a: SourceCell | null, b: SourceCell | null): boolean {
  if (!a || !b) return !a && !b;
  const pa = a.parsed;
  const pb = b.parsed;
  if (pa.kind === "number" && pb.kind === "number") return pa.value === pb.value;
  if (pa === pb) return true; // texts are parsed once and shared
  return JSON.stringify(pa) === JSON.stringify(pb);
}
