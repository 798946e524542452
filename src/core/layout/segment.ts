/**
 * Cutting a sheet into form blocks. A block is one plan period of one item: a header (pillar line,
 * 中項目, No., 担当課, title, texts) followed by a body (the plan/actual table, 進捗管理, 年度評価,
 * period evaluations). Walking the labels in reading order, a header label after a body, or a header
 * field seen twice, starts the next block; so do stacked blocks, stamp rows and moved blocks.
 */
import type { LabelField, SectionKind } from "./labels";
import type { LabelCell, SheetView } from "./sheet-view";

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

interface OpenSpan {
  top: number;
  /** The span's labels are view.labels[first..end), less the note labels. */
  first: number;
  end: number;
  body: boolean;
  /** Whether it has what makes it a form block: a body (概要), a No. or a 年度評価. */
  real: boolean;
  /** The fields it has seen: a field seen again starts the next block. */
  seen: Set<LabelField>;
}

export function segmentBlocks(view: SheetView): BlockSpan[] {
  const all = view.labels;
  const spans: OpenSpan[] = [];
  let block: OpenSpan | null = null;
  const open = (top: number, at: number): OpenSpan => {
    const span: OpenSpan = { top, first: at, end: at, body: false, real: false, seen: new Set() };
    spans.push(span);
    return span;
  };
  for (let i = 0; i < all.length; i++) {
    const l = all[i];
    const f = l.field;
    if (f === "notePrefixes") continue;
    const role = l.match.role;
    if (role.header) {
      if (!block || block.body || (block.seen.has(f) && f !== "goals")) block = open(l.row, i);
    } else if (f === "overview") {
      if (!block || block.seen.has(f)) block = open(l.row, i);
      block.body = true;
    } else {
      if (!block) block = open(l.row, i);
      if (role.section) block.body = true;
    }
    block.seen.add(f);
    if (f === "overview" || f === "no" || f === "gradeSection") block.real = true;
    block.end = i + 1;
  }
  // A block needs a body or a No. to be a form block; a stray label or two is not.
  const real = spans.filter((s) => s.real);
  return real.map((s, i) => {
    const next = real[i + 1];
    const bottom = next ? next.top - 1 : lastNonBlankRow(view, s.top);
    // Note labels that fall among a span's labels are not the block's.
    const labels = all.slice(s.first, s.end).filter((l) => l.field !== "notePrefixes");
    return { top: s.top, bottom, labels, sections: findSections(view, labels, s.top, bottom) };
  });
}

function lastNonBlankRow(view: SheetView, from: number): number {
  for (let r = view.rowCount - 1; r > from; r--) if (!view.rowIsBlank(r)) return r;
  return from;
}

function findSections(view: SheetView, labels: LabelCell[], top: number, bottom: number): Section[] {
  // Each section as it is found; its bottom, the row before the next one's top, once they are in order.
  const sections: Section[] = [];
  // By index, as the scans over the labels below: they run for every sheet, mostly before V8 has
  // compiled them, where a for-of loop's iterator costs more than the loop's work.
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    const kind = l.match.role.section;
    if (!kind) continue;
    // The final evaluation's label may appear twice (header row and label column): keep the first.
    if (startedJustAbove(sections, kind, l.row)) continue;
    let start = l.row;
    const above = l.row - 1;
    if (above > top && !view.rowIsBlank(above) && rowBelongsAbove(view, labels, above, kind)) start = above;
    sections.push({ kind, top: start, bottom, anchor: l });
  }
  sections.sort(byTop);
  for (let i = 0; i + 1 < sections.length; i++) sections[i].bottom = sections[i + 1].top - 1;
  return sections;
}

const byTop = (a: Section, b: Section) => a.top - b.top;

function startedJustAbove(
  starts: Array<{ kind: SectionKind; top: number }>,
  kind: SectionKind,
  row: number,
): boolean {
  for (let i = 0; i < starts.length; i++)
    if (starts[i].kind === kind && row - starts[i].top <= 1) return true;
  return false;
}

/** The row above a section label is that section's header when it holds the section's companion labels or years, and no long text. */
function rowBelongsAbove(view: SheetView, labels: LabelCell[], row: number, kind: SectionKind): boolean {
  let companion = false;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l.row !== row) continue;
    const { section, header } = l.match.role;
    if ((section && section !== kind) || header) return false;
    if (COMPANIONS[kind].includes(l.field)) companion = true;
  }
  if (!companion) return false;
  for (let i = view.filledStart(row), end = view.filledEnd(row); i < end; i++)
    if (view.filledText(row, i).length > 24 && !view.label(row, view.filledCol(i))) return false;
  return true;
}
