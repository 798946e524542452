/**
 * Workbooks the browser tests open in the preview: the seed form laid out as the original workbook,
 * and the same form with markup where staff type text (an item title, a cell on a sheet of its own).
 */
import { analyse } from "../../src/core/engine";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import { seedFormSheets, type SeedFormOptions } from "../../scripts/fixtures/seed-form";
import { workbookFromSnapshots } from "../../src/cli/write-snapshot";

export const SCRIPT_TEXT = "<script>window.__pwned=1</script>";
export const IMG_TEXT = '<img src=x onerror="window.__pwned=1">';
/** Excel allows < and > in sheet names (31 characters at most): the pane and the grid show them too. */
export const SHEET_MARKUP = "<img src=x onerror=alert(1)>";

export function seedSheets(opts: SeedFormOptions = {}): SheetSnapshot[] {
  return seedFormSheets(opts);
}

/** Sheets with markup in an item title (shown in the pane's findings) and in plain cells. */
export function hostileSheets(): SheetSnapshot[] {
  const notes: SheetSnapshot = {
    name: "メモ",
    originRow: 0,
    originCol: 0,
    values: [
      ["備考", SCRIPT_TEXT],
      ["画像", IMG_TEXT],
    ],
  };
  return [
    ...seedFormSheets({ title: `${SCRIPT_TEXT}${IMG_TEXT}`, sheetNames: [SHEET_MARKUP, "平成29–30"] }),
    notes,
  ];
}

export async function xlsxOf(sheets: SheetSnapshot[]): Promise<Buffer> {
  const wb = workbookFromSnapshots(sheets, { labelColumn: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The finding counts the engine gives for these sheets, as the pane should show them. */
export function expectedCounts(sheets: SheetSnapshot[]): { error: number; warning: number; info: number } {
  const a = analyse({ sheets }, DEFAULT_CONFIG, { asOf: new Date() });
  const count = (s: string) => a.findings.filter((f) => f.severity === s).length;
  return { error: count("error"), warning: count("warning"), info: count("info") };
}
