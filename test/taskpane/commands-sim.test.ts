/**
 * The ribbon commands end to end on the real adapter over the simulated Excel: the functions
 * Office calls by <FunctionName>, what the result dialog would say, event.completed() each time.
 */
import * as ExcelJS from "exceljs";
import { registerCommands } from "../../src/commands/commands";
import type { DialogReport } from "../../src/commands/dialog-report";
import { createOperations } from "../../src/excel/operations";
import { installSimulatedOffice } from "../sim-excel";
import { seedWorkbook } from "../excel/fixtures";

type Handler = (e: { completed(): void }) => Promise<void>;
const g = globalThis as unknown as Record<string, Handler>;

async function press(name: "fillComputedFields" | "createSummarySheet", lang: "ja" | "en" = "ja") {
  const shown: DialogReport[] = [];
  registerCommands(createOperations(), { lang, show: async (r) => void shown.push(r) });
  let completed = 0;
  await g[name]({ completed: () => void completed++ });
  expect(completed).toBe(1);
  expect(shown).toHaveLength(1);
  return shown[0];
}

test("計算欄を記入 on the seed sheet fills the computed area and says so", async () => {
  installSimulatedOffice(seedWorkbook());
  const r = await press("fillComputedFields");
  expect(r.title).toBe("計算欄を記入");
  expect(r.lines[0]).toBe("計算欄を記入しました。");
  expect(r.lines).toContainEqual(expect.stringMatching(/^エラー \d+ 件・警告 \d+ 件・情報 \d+ 件$/));
});

test("計算欄を記入 on a protected sheet: nothing written, the reason shown", async () => {
  const wb = seedWorkbook();
  await wb.worksheets[0].protect("", {});
  installSimulatedOffice(wb);
  const r = await press("fillComputedFields", "en");
  expect(r.tone).toBe("error");
  expect(r.lines[0]).toBe("No computed field was changed.");
  expect(r.lines[1]).toMatch(/^Nothing could be written: .*protected/);
});

test("集計シート作成 next to a user's own 集計 explains the other name", async () => {
  const wb: ExcelJS.Workbook = seedWorkbook();
  wb.addWorksheet("集計").getCell("A1").value = "私の集計";
  const host = installSimulatedOffice(wb);
  const r = await press("createSummarySheet");
  const made = host.book
    .sheets()
    .map((s) => s.name)
    .find((n) => n !== "集計" && n.includes("集計"));
  expect(made).toBeDefined();
  expect(r.lines[0]).toBe(`集計シート「${made}」を作成しました。`);
  expect(r.lines[1]).toBe(
    `「集計」という名前のシートは Shinchoku が作ったものではないため上書きせず、「${made}」に作成しました。`,
  );
});

test("集計シート作成 with invalid settings saved in the workbook: nothing written, the setting named", async () => {
  const host = installSimulatedOffice(seedWorkbook());
  const sheetsBefore = host.book.sheets().map((s) => s.name);
  Office.context.document.settings.set("shinchoku.settings", {
    overrides: { summarySheetName: "a/b:c" },
    highlightErrors: false,
  });
  const r = await press("createSummarySheet", "en");
  expect(r.tone).toBe("error");
  expect(r.lines.join(" ")).toContain(
    "the settings saved in this workbook are invalid. Save them again in the settings panel: " +
      "summarySheetName: a sheet name cannot contain [ ] : * ? / \\",
  );
  expect(host.book.sheets().map((s) => s.name)).toEqual(sheetsBefore);
});
