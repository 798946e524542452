/**
 * npm run samples: samples/進捗管理シート_サンプル.xlsx (six items, two sheets each, laid out as the seed form) and
 * samples/進捗管理シート_貼り付け.xlsx (the seed text pasted at A1 as it is).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { workbookFromSnapshots } from "../src/cli/write-snapshot";
import { saveWorkbook } from "../src/cli/workbook-io";
import { SAMPLE_VARIANTS, SAMPLE_WIDTHS, itemSheets, repoRoot } from "./sample-items";
import { seedPastedSheet } from "./fixtures/seed-form";

export const SAMPLES_DIR = path.join(repoRoot(), "samples");
export const MAIN_SAMPLE = path.join(SAMPLES_DIR, "進捗管理シート_サンプル.xlsx");
export const PASTED_SAMPLE = path.join(SAMPLES_DIR, "進捗管理シート_貼り付け.xlsx");

export async function makeSamples(dir = SAMPLES_DIR): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const main = workbookFromSnapshots(SAMPLE_VARIANTS.flatMap(itemSheets), {
    widths: SAMPLE_WIDTHS,
    labelColumn: true,
  });
  const pasted = workbookFromSnapshots([seedPastedSheet()], { widths: [18, 30, 16, 30, 14, 30, 14, 24] });
  const files = [path.join(dir, path.basename(MAIN_SAMPLE)), path.join(dir, path.basename(PASTED_SAMPLE))];
  await saveWorkbook(main, files[0]);
  await saveWorkbook(pasted, files[1]);
  return files;
}

if (require.main === module) {
  makeSamples().then(
    (files) => files.forEach((f) => process.stdout.write(`wrote ${path.relative(process.cwd(), f)}\n`)),
    (err) => {
      process.stderr.write(`${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
