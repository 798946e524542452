/**
 * ExcelJS's Workbook class, loaded on its own. `require("exceljs")` also loads the streaming reader
 * and writer (unzipper, archiver), which the command line never uses: about 165 ms of ExcelJS's 275 ms
 * load on the development machine, paid by every `shinchoku` run. The class is the same one
 * `require("exceljs").Workbook` gives (test/cli/exceljs-workbook.test.ts); should a later ExcelJS move
 * the file, the full package is loaded instead.
 */
import type ExcelJS from "exceljs";

type WorkbookClass = typeof ExcelJS.Workbook;

function loadWorkbookClass(): WorkbookClass {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("exceljs/lib/doc/workbook") as WorkbookClass;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("exceljs") as typeof ExcelJS).Workbook;
  }
}

export const Workbook: WorkbookClass = loadWorkbookClass();
