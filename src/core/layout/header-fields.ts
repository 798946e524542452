/** The block header: pillar line, 中項目, 小項目, No., 担当課, title and the free texts. */
import type { BlockHeader, SourceCell } from "../model/item";
import type { LabelField } from "./labels";
import type { LabelCell, SheetView } from "./sheet-view";

type SingleField = Exclude<keyof BlockHeader, "goals">;

const FIELD_OF: Partial<Record<LabelField, SingleField | "goals">> = {
  midItem: "midItem",
  smallItem: "smallItem",
  no: "no",
  departments: "departments",
  title: "title",
  situation: "situation",
  goals: "goals",
  content: "content",
};

export function readHeader(view: SheetView, labels: LabelCell[], bodyTop: number): BlockHeader {
  const header: BlockHeader = {
    pillar: null,
    midItem: null,
    smallItem: null,
    no: null,
    departments: null,
    title: null,
    situation: null,
    goals: [],
    content: null,
  };
  for (const l of labels) {
    if (l.row >= bodyTop) break;
    if (l.field === "pillar") {
      header.pillar ??= view.source(l.row, l.col);
      continue;
    }
    const field = FIELD_OF[l.field];
    if (!field) continue;
    const value = valueRightOf(view, l);
    if (field === "goals") {
      if (value) header.goals.push(value);
      // Goals run on over the rows below while the label column stays empty (or is the label's own
      // merged area: a label merged over two rows holds two goals beside it).
      for (let r = l.row + 1; r < bodyTop; r++) {
        if (!view.isBlank(r, l.col) || view.label(r, l.col)) break;
        const more = firstValueInRow(view, r, l.col + 1);
        if (!more) break;
        header.goals.push(more);
      }
      continue;
    }
    if (header[field] === null && value) header[field] = value;
  }
  return header;
}

/** The first non-label cell right of a label on its row. */
function valueRightOf(view: SheetView, l: LabelCell): SourceCell | null {
  return firstValueInRow(view, l.row, l.right + 1);
}

function firstValueInRow(view: SheetView, row: number, fromCol: number): SourceCell | null {
  const c = view.firstFilledFrom(row, fromCol);
  if (c < 0 || view.label(row, c)) return null;
  return view.source(row, c);
}
