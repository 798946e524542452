/** One workbook through the engine: load and snapshot, analyse, plan (applying and saving: commands/write.ts). */
import * as fs from "node:fs";
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/grid/cell";
import type { ShinchokuConfig } from "../core/config/config";
import type { Finding } from "../core/model/finding";
import {
  analyse,
  planFill,
  planFindings,
  planSummary,
  planUndo,
  reviewPlanFindings,
  type Analysis,
} from "../core/engine";
import type { Lang } from "../core/model/finding";
import type { EditPlan } from "../core/plan/edit-plan";
import { loadWorkbookChecked } from "./workbook-io";
import { snapshotWorkbook } from "./read-xlsx";
import { configForWorkbook } from "./workbook-settings";

export interface Analysed {
  file: string;
  /** The loaded workbook, while it may still be written; null once only the report is needed. */
  wb: ExcelJS.Workbook | null;
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  /** Parts of the file ExcelJS would not write back (charts, pivot tables, …). */
  wouldDrop: string[];
  /** Findings of planning (fill/area-occupied, summary/name-taken): they count like any other. */
  planFindings: Finding[];
}

export interface Loaded {
  file: string;
  wb: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  wouldDrop: string[];
}

/** Read a file and take the engine's snapshot of it. */
export async function loadFile(file: string): Promise<Loaded> {
  const { wb, wouldDrop } = await loadWorkbookChecked(file);
  return { file, wb, snapshot: snapshotWorkbook(wb), wouldDrop };
}

export async function analyseFile(
  file: string,
  config: ShinchokuConfig,
  asOf: Date,
): Promise<Analysed & { wb: ExcelJS.Workbook }> {
  const loaded = await loadFile(file);
  // Without --config, the settings the add-in saved in this workbook (its custom XML part).
  const own = configForWorkbook(config, await fs.promises.readFile(file), file);
  return { ...loaded, analysis: analyse(loaded.snapshot, own, { asOf }), planFindings: [] };
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
  if (kind === "run") plans.push(planFindings(a.analysis, a.snapshot, { lang }).plan);
  return plans;
}
