import type {
  ChecklistEntry,
  ConfigOverrides,
  IndicatorKind,
  Lang,
  PeriodBasis,
  RenderedFinding,
} from "../core";

/** Round trips and payload of one command, for the pane's footer, the preview page and the bench. */
export interface SyncStats {
  readSyncs: number;
  writeSyncs: number;
  /** Bytes of the JSON payload sent to / received from Excel, as far as the adapter can estimate. */
  requestBytes: number;
  responseBytes: number;
  sheetsRead: number;
  cellsRead: number;
  cellsWritten: number;
  ms: number;
}

export type Phase = "reading" | "analysing" | "writing" | "done";

export interface ProgressEvent {
  phase: Phase;
  /** 0..1 where known. */
  fraction?: number;
}

export interface OperationOptions {
  lang: Lang;
  onProgress?: (e: ProgressEvent) => void;
}

export type OperationKind = "validate" | "fill" | "summary" | "findings" | "undo";

/** What the pane shows of an indicator: its kind and its period rate with the rate's basis. */
export interface PaneIndicator {
  name: string;
  kind: IndicatorKind;
  periodRate: number | null;
  periodBasis: PeriodBasis;
}

export interface OperationResult {
  kind: OperationKind;
  /** Items read, with No. and title, in sheet order: the pane groups findings by them. */
  items: Array<{
    no: string;
    title: string;
    sheet: string | null;
    cell: string | null;
    /** The item's indicators with their kind and period rate, for the pane to show the basis. */
    indicators?: PaneIndicator[];
  }>;
  findings: RenderedFinding[];
  counts: { error: number; warning: number; info: number };
  /** Findings staff marked 確認済み / 対応不要 on the findings sheet, unchanged since: not counted. */
  reviewed?: RenderedFinding[];
  /** Entries due today that items lack (mid-year status, actuals, grade), by lead department. */
  checklist?: ChecklistEntry[];
  /** The findings sheet's name when the command wrote it (指摘一覧 unless a user's sheet has that name). */
  findingsSheet?: string | null;
  /** Whether the command wrote anything (false for validate, or when a target could not be written). */
  wrote: boolean;
  /** Why nothing was written (protected sheet, read-only workbook, …), in the requested language. */
  blockedReason: string | null;
  /** The summary sheet's name when the command made one (it may differ from 集計 when that name is a user's). */
  summarySheet: string | null;
  /** The summary sheet name the workbook's settings ask for (default 集計), to explain another name. */
  summarySheetWanted?: string;
  stats: SyncStats;
}

export interface ShinchokuSettings {
  /** Configuration overrides saved in the workbook's custom XML part (excel/settings.ts); they travel with the file. */
  overrides: ConfigOverrides;
  /** Colour cells with errors on validate; cleared without touching the cells' own formatting. */
  highlightErrors: boolean;
}

/** Until the workbook's own settings are read (and when there are none): highlighting off. */
export const DEFAULT_SETTINGS: ShinchokuSettings = { overrides: {}, highlightErrors: false };

/**
 * The adapter's operations, as the task pane and the ribbon commands see them. `createOperations()`
 * in src/excel/operations.ts returns the real one (global `Excel.run`, `Office.context`); tests and
 * the preview page give it the simulated Excel through the same globals.
 */
export interface ShinchokuOperations {
  /** 検証: read, check, list findings (and highlight error cells when the setting is on). */
  validate(opts: OperationOptions): Promise<OperationResult>;
  /** 計算欄を記入: computed fields into the areas we own on each item sheet. */
  fill(opts: OperationOptions): Promise<OperationResult>;
  /** 集計シート作成: the summary sheet. */
  summary(opts: OperationOptions): Promise<OperationResult>;
  /** 指摘一覧を作成: the findings sheet, staff's marks carried over. */
  findings(opts: OperationOptions): Promise<OperationResult>;
  /**
   * 元に戻す: remove everything Shinchoku wrote (computed areas, its sheets, names, error highlight
   * and saved settings), nothing else; cells staff changed inside our areas stay (reported).
   */
  undo(opts: OperationOptions): Promise<OperationResult>;
  /**
   * Activate the sheet and select the cell (a finding clicked in the pane). A hidden sheet: rejects
   * with SheetHiddenError (select-cell.ts) unless `show`, which makes the sheet visible first.
   */
  selectCell(sheet: string, cell: string, show?: boolean): Promise<void>;
  /** Remove our error highlight, restoring each cell's own fill. */
  clearHighlight(): Promise<void>;
  loadSettings(): Promise<ShinchokuSettings>;
  saveSettings(settings: ShinchokuSettings): Promise<void>;
}
