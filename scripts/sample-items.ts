/**
 * Sample items made from the seed text (No.28, FY2015–2018): the seed split into its two periods,
 * one sheet each, pasted at A1 the way Excel pastes tab-separated text ("1,090" becomes a number),
 * with variants (other No., titles, figures, typical mistakes) so that a demo shows real findings.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue, SheetSnapshot } from "../src/core/grid/cell";

/** The repository root (where package.json is), from the source or the compiled dist/node/scripts. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function seedText(): string {
  const file =
    process.env.SHINCHOKU_SEED ?? path.join(repoRoot(), "test", "seed", "000_a391ef16ffd16767.txt");
  return fs.readFileSync(file, "utf8").replace(/\r/g, "");
}

/** Tab-separated text at A1 as Excel pastes it: plain numbers with thousands commas become numbers. */
export function pasteAsExcel(text: string, name: string): SheetSnapshot {
  const values: CellValue[][] = text.split("\n").map((line) =>
    line.split("\t").map((cell) => {
      if (cell === "") return null;
      if (/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(cell)) return Number(cell.replace(/,/g, ""));
      return cell;
    }),
  );
  return { name, originRow: 0, originCol: 0, values };
}

/** The seed's two blocks (平成27–28, 平成29–30): the second starts at its own 重点改革項目 line. */
export function seedPeriods(text = seedText()): [string, string] {
  const lines = text.split("\n");
  const starts = lines.flatMap((l, i) => (l.startsWith("重点改革項目") ? [i] : []));
  const cut = starts[1] ?? lines.length;
  return [lines.slice(0, cut).join("\n").trim() + "\n", lines.slice(cut).join("\n").trim() + "\n"];
}

export interface Variant {
  no: string;
  title?: string;
  pillar?: string;
  /** Exact cell texts replaced in the seed ("1,250" → "1,2OO"), applied to both periods. */
  replace?: Array<[string, string]>;
}

const SEED_TITLE = "地域活動の担い手を育む仕組みづくり(住民自治を担う人材の育成、ノウハウ蓄積)";
const SEED_PILLAR = "重点改革項目Ⅱ 市民や民間とのパートナーシップ・連携の深化";

/** One item's text: the seed with another No., title, pillar and cell texts. */
export function variantText(text: string, v: Variant): string {
  let t = text.replace(/(\tNo\.\t)28(\t|\n|$)/g, `$1${v.no}$2`);
  if (v.title) t = t.split(SEED_TITLE).join(v.title);
  if (v.pillar) t = t.split(SEED_PILLAR).join(v.pillar);
  for (const [from, to] of v.replace ?? []) t = replaceCell(t, from, to);
  return t;
}

/** Replace a whole cell's text (between tabs or line ends), not a substring of a longer cell. */
function replaceCell(text: string, from: string, to: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .split("\t")
        .map((c) => (c === from ? to : c))
        .join("\t"),
    )
    .join("\n");
}

/** An item as two sheets, one per period, named by No., merged the way the form is. */
export function itemSheets(v: Variant, text = seedText()): SheetSnapshot[] {
  const [p1, p2] = seedPeriods(variantText(text, v));
  return [
    formMerges(pasteAsExcel(p1, `No.${v.no} H27-28`)),
    formMerges(pasteAsExcel(p2, `No.${v.no} H29-30`)),
  ];
}

/** Form width: A–H. */
const FORM_RIGHT = 7;

/**
 * The form's merges on a pasted sheet: the title line across A–H, and each free text (title,
 * 現状と課題, goals, 取組の内容) across B–H. Only rows whose other cells are empty are merged.
 */
export function formMerges(s: SheetSnapshot): SheetSnapshot {
  const merges = [...(s.merges ?? [])];
  s.values.forEach((row, r) => {
    const filled = row.flatMap((v, c) => (v === null ? [] : [c]));
    if (filled.length === 1 && filled[0] === 0 && String(row[0]).startsWith("重点改革項目"))
      merges.push({ top: r, left: 0, bottom: r, right: FORM_RIGHT });
    else if (filled.every((c) => c <= 1) && typeof row[1] === "string" && row[1].length > 20)
      merges.push({ top: r, left: 1, bottom: r, right: FORM_RIGHT });
  });
  return { ...s, merges };
}

/** The main sample: six items a reform office might collect, four of them with a problem to find. */
export const SAMPLE_VARIANTS: Variant[] = [
  { no: "28" },
  {
    no: "29",
    title: "市民活動支援センターの機能強化",
    replace: [
      ["1,090", "1,200"],
      ["1,152", "1,260"],
      ["1,250", "1,300"],
      ["1,345", "1,330"],
    ],
  },
  // A typo: the letter O for a zero.
  { no: "30", title: "地域コミュニティ協議会への活動補助の見直し", replace: [["1,250", "1,2OO"]] },
  // An actual left blank in a year that has already been graded.
  { no: "31", title: "NPOとの協働事業提案制度の拡充", replace: [["1,454", ""]] },
  // Full-width digits, as typed with a Japanese IME: read as numbers, no finding.
  {
    no: "32",
    title: "公民館講座の地域人材による運営",
    pillar: "重点改革項目Ⅲ 持続可能な行財政運営",
    replace: [
      ["1,345", "１，３４５"],
      ["1,410", "１，４１０"],
    ],
  },
  // A running total (累計) that falls.
  {
    no: "33",
    title: "自治会・町内会の加入促進",
    pillar: "重点改革項目Ⅲ 持続可能な行財政運営",
    replace: [["1,671", "1,400"]],
  },
];

/** Column widths for the pasted layout: labels, then text-heavy year columns. */
export const SAMPLE_WIDTHS = [18, 30, 16, 30, 14, 30, 14, 24];
