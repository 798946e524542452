/**
 * Cutting a sheet into form blocks. A block is one plan period of one item: a header (pillar line,
 * 中項目, No., 担当課, title, texts) followed by a body (the plan/actual table, 進捗管理, 年度評価,
 * period evaluations). Walking the labels in reading order, a header label after a body, or a header
 * field seen twice, starts the next block; so do stacked blocks, stamp rows and moved blocks.
 */
import type { LabelField } from "./labels";
import type { LabelCell, SheetView } from "./sheet-view";
import { sortInPlace } from "../values/order";

const HEADER_CLASS = new Set<LabelField>([
  "pillar",
  "midItem",
  "smallItem",
  "no",
  "departments",
  "title",
  "situation",
  "goals",
  "content",
]);

export type SectionKind = "overview" | "status" | "grade" | "midterm" | "final";

const SECTION_OF: Partial<Record<LabelField, SectionKind>> = {
  overview: "overview",
  statusSection: "status",
  gradeSection: "grade",
  midtermEvaluation: "midterm",
  periodEvaluation: "final",
};

/** Labels that may sit on the row above a section's own label (its year header row). */
const COMPANIONS: Record<SectionKind, LabelField[]> = {
  overview: ["baseline", "process"],
  status: ["statusLabels"],
  grade: ["evaluationLabels"],
  midterm: ["periodLabels"],
  final: ["periodLabels"],
};

export interface Section {
  kind: SectionKind;
  /** First and last row, inclusive. */
  top: number;
  bottom: number;
  anchor: LabelCell;
}

export interface BlockSpan {
  top: number;
  bottom: number;
  labels: LabelCell[];
  sections: Section[];
}

export function segmentBlocks(view: SheetView): BlockSpan[] {
  // `seen` is a short list (a block has about ten kinds of label): cheaper than a Set per block.
  const spans: Array<{ top: number; labels: LabelCell[]; seen: LabelField[]; body: boolean }> = [];
  let cur: (typeof spans)[number] | null = null;
  const open = (top: number) => {
    cur = { top, labels: [], seen: [], body: false };
    spans.push(cur);
    return cur;
  };
  for (const l of view.labels) {
    const f = l.field;
    if (f === "notePrefixes") continue;
    let block = cur as (typeof spans)[number] | null;
    if (HEADER_CLASS.has(f)) {
      if (!block || block.body || (block.seen.includes(f) && f !== "goals")) block = open(l.row);
      if (!block.seen.includes(f)) block.seen.push(f);
    } else if (f === "overview") {
      if (!block || block.seen.includes("overview")) block = open(l.row);
      if (!block.seen.includes(f)) block.seen.push(f);
      block.body = true;
    } else {
      if (!block) block = open(l.row);
      if (SECTION_OF[f]) block.body = true;
      if (!block.seen.includes(f)) block.seen.push(f);
    }
    block.labels.push(l);
  }
  // A block needs a body or a No. to be a form block; a stray label or two is not.
  const real = spans.filter(
    (s) => s.seen.includes("overview") || s.seen.includes("no") || s.seen.includes("gradeSection"),
  );
  return real.map((s, i) => {
    const next = real[i + 1];
    const bottom = next ? next.top - 1 : lastNonBlankRow(view, s.top);
    return { top: s.top, bottom, labels: s.labels, sections: findSections(view, s.labels, s.top, bottom) };
  });
}

function lastNonBlankRow(view: SheetView, from: number): number {
  for (let r = view.rowCount - 1; r > from; r--) if (!view.rowIsBlank(r)) return r;
  return from;
}

function findSections(view: SheetView, labels: LabelCell[], top: number, bottom: number): Section[] {
  const starts: Array<{ kind: SectionKind; top: number; anchor: LabelCell }> = [];
  for (const l of labels) {
    const kind = SECTION_OF[l.field];
    if (!kind) continue;
    // The final evaluation's label may appear twice (header row and label column): keep the first.
    if (startedJustAbove(starts, kind, l.row)) continue;
    let start = l.row;
    const above = l.row - 1;
    if (above > top && !view.rowIsBlank(above) && rowBelongsAbove(view, labels, above, kind)) start = above;
    starts.push({ kind, top: start, anchor: l });
  }
  sortInPlace(starts, (a, b) => a.top - b.top);
  return starts.map((s, i) => ({
    kind: s.kind,
    top: s.top,
    bottom: i + 1 < starts.length ? starts[i + 1].top - 1 : bottom,
    anchor: s.anchor,
  }));
}

function startedJustAbove(
  starts: Array<{ kind: SectionKind; top: number }>,
  kind: SectionKind,
  row: number,
): boolean {
  for (const s of starts) if (s.kind === kind && row - s.top <= 1) return true;
  return false;
}

/** The row above a section label is that section's header when it holds the section's companion labels or years, and no long text. */
function rowBelongsAbove(view: SheetView, labels: LabelCell[], row: number, kind: SectionKind): boolean {
  // Plain loops: this runs for every section of every sheet.
  let companion = false;
  for (const l of labels) {
    if (l.row !== row) continue;
    const section = SECTION_OF[l.field];
    if ((section && section !== kind) || HEADER_CLASS.has(l.field)) return false;
    if (COMPANIONS[kind].includes(l.field)) companion = true;
  }
  if (!companion) return false;
  for (const c of view.cellsInRow(row))
    if (!view.label(row, c) && view.text(row, c).length > 24) return false;
  return true;
}
