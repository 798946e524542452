/** Small edits of a snapshot that mimic what staff do to the form. */
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { parseA1 } from "../../../src/core/grid/address";

export function clone(s: SheetSnapshot, name = s.name): SheetSnapshot {
  return { ...s, name, values: s.values.map((r) => [...r]), merges: s.merges?.map((m) => ({ ...m })) };
}

/** Insert `dr` rows above and `dc` columns left of everything. */
export function moveBy(s: SheetSnapshot, dr: number, dc: number): SheetSnapshot {
  const out = clone(s);
  out.values = [
    ...Array.from({ length: dr }, () => [] as CellValue[]),
    ...s.values.map((r) => [...Array(dc).fill(null), ...r]),
  ];
  out.merges = s.merges?.map((m) => ({
    top: m.top + dr,
    bottom: m.bottom + dr,
    left: m.left + dc,
    right: m.right + dc,
  }));
  if (s.formulas)
    out.formulas = [
      ...Array.from({ length: dr }, () => []),
      ...s.formulas.map((r) => [...Array(dc).fill(null), ...r]),
    ];
  if (s.numberFormats)
    out.numberFormats = [
      ...Array.from({ length: dr }, () => []),
      ...s.numberFormats.map((r) => [...Array(dc).fill(null), ...r]),
    ];
  return out;
}

export function setCell(s: SheetSnapshot, a1: string, v: CellValue): SheetSnapshot {
  const { row, col } = parseA1(a1);
  while (s.values.length <= row) s.values.push([]);
  const line = s.values[row];
  while (line.length <= col) line.push(null);
  line[col] = v;
  return s;
}

export function getCell(s: SheetSnapshot, a1: string): CellValue {
  const { row, col } = parseA1(a1);
  return s.values[row]?.[col] ?? null;
}

/** Replace text in every string cell. */
export function replaceText(s: SheetSnapshot, from: string | RegExp, to: string): SheetSnapshot {
  s.values = s.values.map((r) => r.map((v) => (typeof v === "string" ? v.split(from).join(to) : v)));
  return s;
}

/** Rows [from, to) of a sheet as a new sheet (0-based). */
export function rows(s: SheetSnapshot, from: number, to: number, name: string): SheetSnapshot {
  return { name, originRow: 0, originCol: 0, values: s.values.slice(from, to).map((r) => [...r]) };
}

export function stack(name: string, ...parts: SheetSnapshot[]): SheetSnapshot {
  return {
    name,
    originRow: 0,
    originCol: 0,
    values: parts.flatMap((p) => [...p.values.map((r) => [...r]), []]),
  };
}
