/**
 * Sample items made from the seed (No.28, FY2015–2018) with the seed-form fixture: the form laid
 * out as the original workbook, one sheet per period, with variants (other No., titles, figures,
 * typical mistakes) so that a demo shows real findings. Nothing is read from disk: the seed text
 * ships in scripts/fixtures, so a fresh clone can make the samples.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue, SheetSnapshot } from "../src/core";
import {
  seedFormSheets,
  seedIndicators,
  type SeedFormOptions,
  type SeedIndicator,
} from "./fixtures/seed-form";

/** The repository root (where package.json is), from the source or the compiled dist/node/scripts. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export interface Variant {
  no: string;
  title?: string;
  pillar?: string;
  /** Changes to the seed's indicators: [indicator, "plan" | "actual", year index 0–3, value]. */
  figures?: Array<[number, "plan" | "actual", number, CellValue]>;
  /** All figures of both indicators × factor (rounded), so that items differ in rates and flags. */
  scale?: number;
}

/** An item as two sheets, one per period, named by No. */
export function itemSheets(v: Variant): SheetSnapshot[] {
  const indicators: SeedIndicator[] = seedIndicators().map((ind) => ({
    ...ind,
    plan: ind.plan.map((x) => scaled(x, v.scale)),
    actual: ind.actual.map((x) => scaled(x, v.scale)),
  }));
  for (const [i, kind, year, value] of v.figures ?? []) indicators[i][kind][year] = value;
  const opts: SeedFormOptions = {
    no: v.no,
    indicators,
    sheetNames: [`No.${v.no} H27-28`, `No.${v.no} H29-30`],
  };
  if (v.title) opts.title = v.title;
  if (v.pillar) opts.pillar = v.pillar;
  return seedFormSheets(opts);
}

function scaled(x: CellValue, factor: number | undefined): CellValue {
  return factor && typeof x === "number" ? Math.round(x * factor) : x;
}

/** The main sample: six items a reform office might collect, four of them with a problem to find. */
export const SAMPLE_VARIANTS: Variant[] = [
  { no: "28" },
  { no: "29", title: "市民活動支援センターの機能強化", scale: 1.1 },
  // A typo: the letter O for a zero in the FY2016 plan.
  { no: "30", title: "地域コミュニティ協議会への活動補助の見直し", figures: [[0, "plan", 1, "1,2OO"]] },
  // An actual left blank in a year that has already been graded (FY2017).
  { no: "31", title: "NPOとの協働事業提案制度の拡充", figures: [[0, "actual", 2, null]] },
  // Full-width digits, as typed with a Japanese IME: read as numbers, no finding.
  {
    no: "32",
    title: "公民館講座の地域人材による運営",
    pillar: "重点改革項目Ⅲ 持続可能な行財政運営",
    figures: [
      [0, "actual", 1, "１，３４５"],
      [0, "plan", 2, "１，４１０"],
    ],
  },
  // A running total (累計) that falls in FY2018.
  {
    no: "33",
    title: "自治会・町内会の加入促進",
    pillar: "重点改革項目Ⅲ 持続可能な行財政運営",
    figures: [[0, "actual", 3, 1400]],
  },
];

/** Column widths of the form (A–M): labels, indicator names, then figures and texts. */
export const SAMPLE_WIDTHS = [16, 16, 14, 14, 14, 12, 12, 12, 12, 14, 14, 14, 14];
