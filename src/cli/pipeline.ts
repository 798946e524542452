/**
 * One workbook through the engine: load and snapshot, analyse, plan (applying and saving:
 * commands/write.ts). Files are read with our own reader (src/cli/read/); an ExcelJS workbook is
 * made from the same bytes only for the commands that still write through it.
 */
import * as fs from "node:fs";
import type ExcelJS from "exceljs";
import {
  analyse,
  type Analysis,
  type EditPlan,
  type Finding,
  type Lang,
  planFill,
  planFindings,
  planSummary,
  planUndo,
  reviewPlanFindings,
  type ShinchokuConfig,
  type WorkbookSnapshot,
} from "../core";
import { readWorkbookBytes } from "./read";
import { PackageError, ReadError } from "./read/errors";
import { configForWorkbook } from "./workbook-settings";

export interface Analysed {
  file: string;
  /** The loaded workbook, while it may still be written; null once only the report is needed. */
  wb: ExcelJS.Workbook | null;
  /** The input file's bytes, while it may still be written (a patcher needs them); else null. */
  bytes: Buffer | null;
  /** The parts the reader decoded, while the patcher may start from them (Loaded.texts); else null. */
  texts: Map<string, string> | null;
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  /** Findings of planning (fill/area-occupied, summary/name-taken): they count like any other. */
  planFindings: Finding[];
}

export interface Loaded {
  file: string;
  /** The file's bytes, as read once. */
  bytes: Buffer;
  snapshot: WorkbookSnapshot;
  /** The parts the reader decoded, by name, when asked for (the patcher starts from them); else null. */
  texts: Map<string, string> | null;
}

/** Read a file and take the engine's snapshot of it; a file that is not a readable workbook throws ReadError. */
export async function loadFile(file: string, keepTexts = false): Promise<Loaded> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new ReadError(file, "io", (err as NodeJS.ErrnoException).code ?? "", err);
  }
  let snapshot: WorkbookSnapshot;
  const texts = keepTexts ? new Map<string, string>() : null;
  try {
    snapshot = readWorkbookBytes(bytes, undefined, texts);
  } catch (err) {
    if (err instanceof PackageError) throw new ReadError(file, err.kind, err.detail, err);
    throw err;
  }
  return { file, bytes, snapshot, texts };
}

/** The ExcelJS workbook of a loaded file, for writing it (ExcelJS reads some files ours reads and it cannot). */
export async function exceljsWorkbookOf(loaded: Loaded): Promise<ExcelJS.Workbook> {
  const { workbookFromBuffer } = await import("./workbook-io");
  try {
    return await workbookFromBuffer(loaded.bytes);
  } catch (err) {
    throw new ReadError(loaded.file, "writerCannotRead", "", err);
  }
}

/** Load and analyse; with the ExcelJS workbook to write (the writing commands), or without (validate). */
export async function analyseFile(
  file: string,
  config: ShinchokuConfig,
  asOf: Date,
): Promise<Analysed & { wb: ExcelJS.Workbook; bytes: Buffer }>;
export async function analyseFile(
  file: string,
  config: ShinchokuConfig,
  asOf: Date,
  opts: { workbook: false; texts?: boolean },
): Promise<Analysed>;
export async function analyseFile(
  file: string,
  config: ShinchokuConfig,
  asOf: Date,
  opts: { workbook: boolean; texts?: boolean } = { workbook: true },
): Promise<Analysed> {
  const loaded = await loadFile(file, opts.texts ?? false);
  // Without --config, the settings the add-in saved in this workbook (its custom XML part).
  const own = configForWorkbook(config, loaded.bytes, file);
  const analysis = analyse(loaded.snapshot, own, { asOf });
  const wb = opts.workbook ? await exceljsWorkbookOf(loaded) : null;
  return { ...loaded, wb, analysis, planFindings: [] };
}

export type WriteKind = "fill" | "summary" | "run" | "undo";

/**
 * The plans of a writing command, in the order they are applied: fill, the summary, and for run the
 * findings sheet (指摘一覧) last, so that it lists what planning found too. Planning's findings go
 * through staff's marks like the others.
 */
export function planWrites(a: Analysed, kind: WriteKind, linkToSheets = true, lang: Lang = "ja"): EditPlan[] {
  const plans: EditPlan[] = [];
  if (kind === "undo") {
    const r = planUndo(a.analysis, a.snapshot);
    a.planFindings.push(...r.findings);
    return [r.plan];
  }
  if (kind === "fill" || kind === "run") {
    const r = planFill(a.analysis, a.snapshot);
    a.planFindings.push(...reviewPlanFindings(a.analysis, r.findings));
    plans.push(r.plan);
  }
  if (kind === "summary" || kind === "run") {
    const r = planSummary(a.analysis, a.snapshot, { linkToSheets });
    a.planFindings.push(...reviewPlanFindings(a.analysis, r.findings));
    plans.push(r.plan);
  }
  if (kind === "run") {
    const r = planFindings(a.analysis, a.snapshot, { lang });
    a.planFindings.push(...reviewPlanFindings(a.analysis, r.findings));
    plans.push(r.plan);
  }
  return plans;
}
