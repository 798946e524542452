/**
 * A saved setting shown at once: the bands' table our formulas read (core plan/settings-plan.ts)
 * rewritten in the workbook, so every flag of the computed areas and the summary follows the new
 * thresholds without writing them again. Only in a workbook that holds our names (nothing reads
 * the table otherwise). Reads the names and the sheets' names in one sync (NamedItem.formula:
 * ExcelApi 1.7), and the settings sheet's A1 (our marker, so that it is ours), then writes the plan.
 */
import {
  type DefinedNameSnapshot,
  parseRefersTo,
  planSettings,
  sameName,
  SETTINGS_NAME,
  type SheetSnapshot,
  type ShinchokuConfig,
  type WorkbookSnapshot,
} from "../core";
import { applyPlan, type ApplyOutcome } from "./apply-plan";
import type { SyncMeter } from "./sync-meter";

export async function writeSettingsTable(
  context: Excel.RequestContext,
  config: ShinchokuConfig,
  meter: SyncMeter,
): Promise<ApplyOutcome | null> {
  const named = context.workbook.names.load("items/name,items/formula");
  const sheets = context.workbook.worksheets.load("items/name");
  meter.beforeSync("read");
  await context.sync();
  const names: DefinedNameSnapshot[] = named.items.map((n) => ({
    name: n.name,
    refersTo: n.formula.replace(/^=/, ""),
  }));
  const own = names.find((n) => sameName(n.name, SETTINGS_NAME));
  const ref = own ? parseRefersTo(own.refersTo) : null;
  const snaps: SheetSnapshot[] = sheets.items.map((s) => ({
    name: s.name,
    originRow: 0,
    originCol: 0,
    values: [],
  }));
  const target = ref ? snaps.find((s) => sameName(s.name, ref.sheet)) : undefined;
  if (target) {
    const a1 = context.workbook.worksheets.getItem(target.name).getRange("A1").load("values");
    meter.beforeSync("read");
    await context.sync();
    target.values = a1.values as SheetSnapshot["values"];
  }
  const wb: WorkbookSnapshot = { sheets: snaps, names };
  const plan = planSettings(config, wb);
  return plan ? applyPlan(context, plan, meter) : null;
}
