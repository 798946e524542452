/**
 * The benchmark's workbook: 120 items × 2 sheets made from the seed. A module of its own so that the
 * add-in's bench (scripts/bench-addin.ts) gets it without compiling the CLI's bench.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { SheetSnapshot } from "../src/core";
import { workbookFromSnapshots } from "../src/cli/write-snapshot";
import { SAMPLE_WIDTHS, itemSheets, repoRoot, type Variant } from "./sample-items";

export const BENCH_DIR = path.join(repoRoot(), "out", "bench");

/** Where makeBenchWorkbook writes the workbook of `items` items. */
export function benchFile(items = 120, dir = BENCH_DIR): string {
  return path.join(dir, `bench-${items}.xlsx`);
}

/** 120 items × 2 sheets: No. 1..120, titles and pillars varied, figures scaled per item. */
export async function makeBenchWorkbook(items = 120, dir = BENCH_DIR): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = benchFile(items, dir);
  const pillars = [
    "重点改革項目Ⅰ 市民サービスの向上",
    "重点改革項目Ⅱ 市民や民間とのパートナーシップ・連携の深化",
    "重点改革項目Ⅲ 持続可能な行財政運営",
  ];
  const sheets: SheetSnapshot[] = [];
  for (let i = 0; i < items; i++) {
    const v: Variant = {
      no: String(i + 1),
      title: `改革実施項目 ${i + 1}: 地域活動の担い手を育む仕組みづくり`,
      pillar: pillars[i % 3],
    };
    sheets.push(...itemSheets({ ...v, scale: 1 + (i % 7) * 0.15 }));
  }
  await workbookFromSnapshots(sheets, { widths: SAMPLE_WIDTHS, labelColumn: true }).xlsx.writeFile(file);
  return file;
}
