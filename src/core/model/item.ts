import type { CellValue } from "./snapshot";
import type { Parsed } from "../values/parse";

/** Where a value came from: sheet name and A1 address (top-left of a merged area). */
export interface CellRef {
  sheet: string;
  cell: string;
}

/**
 * A cell as read: its place, raw value and its meaning (a formula counts by its value). It is its own
 * CellRef (sheet and cell on the object): ten thousand cells a run on a plan of 240 sheets, so one
 * object each rather than two, and no field that nothing reads: 64-bit Node spends 8 bytes on every
 * field of every object.
 */
export interface SourceCell extends CellRef {
  raw: CellValue;
  parsed: Parsed;
  /** 0-based position on the sheet, for the edit plan. */
  row: number;
  col: number;
}

/** Just the place of a cell, as a CellRef of its own (for a finding or a link that outlives the read). */
export function refOf(c: CellRef | null | undefined): CellRef | null {
  return c ? { sheet: c.sheet, cell: c.cell } : null;
}

export interface IndicatorYear {
  fiscalYear: number;
  plan: SourceCell | null;
  actual: SourceCell | null;
  /**
   * Where the actual goes, even while it is blank (0-based; top-left of a merged area): findings and
   * live formulas name this cell, which is not always the one right of the plan.
   */
  actualAt?: { row: number; col: number } | null;
}

/** The actual's cell for a year whose plan is known: where the reader found it, else right of the plan. */
export function actualPlace(y: IndicatorYear, plan: SourceCell): { row: number; col: number } {
  return y.actualAt ?? { row: plan.row, col: plan.col + 1 };
}

/**
 * What a total of the indicator's figures means (domain.md, Computed fields): cumulative figures are
 * running totals already (累計), level figures stand at the end of each year (年度末時点: centres,
 * staff, balances; never summed), annual figures are amounts per year that add up (単年度).
 */
export type IndicatorKind = "cumulative" | "level" | "annual";

export interface Indicator {
  name: string;
  nameCell: SourceCell;
  /** How the figures add up: from the configuration's per-indicator kinds, the name's markers, else level. */
  kind: IndicatorKind;
  /** kind === "cumulative": the figures are running totals since the start. */
  cumulative: boolean;
  lowerIsBetter: boolean;
  /** A unit found in the name ("(人)", "件", "%"), when there is one. */
  unit: string | null;
  baseline: { fiscalYear: number | null; cell: SourceCell | null };
  years: IndicatorYear[];
  /** The target after the plan period; "継続実施" stays text. */
  target: { kind: "midterm" | "final" | "target"; cell: SourceCell | null };
}

export interface ProcessRow {
  baseline: SourceCell | null;
  years: Array<{ fiscalYear: number; plan: SourceCell | null; actual: SourceCell | null }>;
  target: SourceCell | null;
}

export interface StatusEntry {
  fiscalYear: number;
  /** The status word ("進捗に遅れあり"). */
  status: SourceCell | null;
  text: SourceCell | null;
  /** Where the status goes, even while it is blank (the checklist names it). */
  statusAt?: CellRef | null;
}

export interface GradeEntry {
  fiscalYear: number;
  grade: SourceCell | null;
  /** Where the grade goes, even while it is blank (the checklist names it). */
  gradeAt?: CellRef | null;
  evaluationText: SourceCell | null;
  issuesText: SourceCell | null;
}

export interface PeriodEvaluation {
  kind: "midterm" | "final";
  grade: SourceCell | null;
  evaluationText: SourceCell | null;
  issuesText: SourceCell | null;
  /** The policy for the years after ("平成29年度以降"). */
  policyText: SourceCell | null;
  /** The fiscal year the policy column names, if any. */
  policyFromYear: number | null;
}

/** Header fields of a block; each is null when the label was not found. */
export interface BlockHeader {
  pillar: SourceCell | null;
  midItem: SourceCell | null;
  smallItem: SourceCell | null;
  no: SourceCell | null;
  departments: SourceCell | null;
  title: SourceCell | null;
  situation: SourceCell | null;
  goals: SourceCell[];
  content: SourceCell | null;
}

/** One form block on one sheet: one plan period of one item. */
export interface Block {
  sheet: string;
  /** 0-based rows of the block on its sheet. */
  top: number;
  bottom: number;
  header: BlockHeader;
  /** The fiscal years of the period, in order, from the table's year headers. */
  fiscalYears: number[];
  /** Row and column extent of the plan/actual table, for placing the computed area beside it. */
  table: { top: number; bottom: number; left: number; right: number } | null;
  indicators: Indicator[];
  process: ProcessRow | null;
  statuses: StatusEntry[];
  grades: GradeEntry[];
  periodEvaluations: PeriodEvaluation[];
}

/** A reform item: its blocks joined by No., with one continuous series of fiscal years. */
export interface Item {
  no: string;
  title: string;
  pillar: string;
  midItem: string;
  smallItem: string;
  departments: string[];
  leadDepartment: string | null;
  sheets: string[];
  texts: { situation: string; goals: string[]; content: string };
  /** Indicators joined across blocks by name; years sorted. */
  indicators: Indicator[];
  process: ProcessRow[];
  statuses: StatusEntry[];
  grades: GradeEntry[];
  periodEvaluations: PeriodEvaluation[];
  blocks: Block[];
  /** Where the No. was read (first block), for findings about the item as a whole. */
  noCell: SourceCell | null;
}
