/**
 * The review loop: each finding gets a key (which problem, where) and a fingerprint (the cell's value
 * and what the message says). A finding staff marked 確認済み or 対応不要 on the findings sheet whose
 * fingerprint is still the one written beside the mark is reviewed: listed apart, not counted. Once
 * the cell or its value changes, the fingerprint differs and the finding is open again.
 */
import type { CellValue } from "../model/snapshot";
import type { Grid } from "../grid/grid";
import { parseA1 } from "../grid/address";
import type { Finding } from "../model/finding";
import type { ReviewMark } from "./findings-sheet";

/** A finding with the key and fingerprint its row on the findings sheet carries. */
export interface KeyedFinding {
  readonly finding: Finding;
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * The fingerprint is hashed when first asked for: only a findings sheet's marks and the writing of
 * that sheet or its CSV compare or show it, and most runs (validate without 指摘一覧) do neither.
 * Findings and grids are not changed once keyed, so it is the same whenever it is asked.
 */
class Keyed implements KeyedFinding {
  private print: string | null = null;

  constructor(
    readonly finding: Finding,
    readonly key: string,
    private readonly grids: ReadonlyMap<string, Grid>,
  ) {}

  get fingerprint(): string {
    return (this.print ??= fingerprintOf(this.finding, this.grids));
  }
}

/**
 * Keys for a list of findings: code, sheet, cell and item; the second finding of one code on one
 * cell (another year, another indicator) takes "#2", and so on, in the engine's stable order.
 */
export function keyFindings(findings: readonly Finding[], grids: ReadonlyMap<string, Grid>): KeyedFinding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.code}|${f.sheet ?? ""}|${f.cell ?? ""}|${f.itemNo ?? ""}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return new Keyed(f, n === 1 ? base : `${base}#${n}`, grids);
  });
}

/** The value of the finding's cell as read, and its parameters, hashed. */
export function fingerprintOf(f: Finding, grids: ReadonlyMap<string, Grid>): string {
  let value = "";
  if (f.sheet !== null && f.cell !== null) {
    const grid = grids.get(f.sheet);
    if (grid) {
      try {
        const { row, col } = parseA1(f.cell);
        value = valueText(grid.value(row, col));
      } catch {
        value = "";
      }
    }
  }
  return hash(`${value}\u0000${JSON.stringify(f.params)}`);
}

function valueText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "object") return `e:${v.error}`;
  return `${typeof v}:${String(v)}`;
}

/** Two 32-bit FNV-1a hashes of the text with different offsets, as 16 hex digits. */
export function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

export interface ReviewOutcome {
  /** Findings still to act on, in their order. */
  open: Finding[];
  /** Findings staff reviewed (each with `review` set), in their order. */
  reviewed: Finding[];
}

/** Splits findings by staff's marks: a reviewed mark counts only while the fingerprint is unchanged. */
export function applyReview(
  keyed: readonly KeyedFinding[],
  marks: ReadonlyMap<string, ReviewMark>,
): ReviewOutcome {
  const out: ReviewOutcome = { open: [], reviewed: [] };
  for (const k of keyed) {
    const m = marks.get(k.key);
    if (m && isReviewedState(m.state) && m.fingerprint === k.fingerprint)
      out.reviewed.push({ ...k.finding, review: { state: m.state, note: m.note } });
    else out.open.push(k.finding);
  }
  return out;
}

export function isReviewedState(s: string): s is "confirmed" | "notNeeded" {
  return s === "confirmed" || s === "notNeeded";
}
