/** The CLI's own words (the findings' words come from the engine's rules). */
import type { Lang } from "../core";

export const MSG = {
  ja: {
    unreadable: (file: string, reason: string) => `読み込めません: ${file} — ${reason}（スキップしました）`,
    noInput: "入力ファイルまたはフォルダーを指定してください",
    noXlsx: (p: string) => `.xlsx ファイルが見つかりません: ${p}`,
    needOut: "出力先を -o OUT で指定してください（入力を上書きするときは --in-place）",
    sameAsInput: "出力先が入力ファイルと同じです。上書きするときは --in-place を付けてください",
    oneInput: "このコマンドの入力は 1 ファイルです",
    inPlaceMulti: "複数ファイルからの集計では --in-place は使えません",
    outputWritten: (file: string) => `出力: ${file}`,
    chartsSkipped:
      "グラフはコマンドラインでは作成できません（Excel アドインで作成されます）。表は作成しました。",
    notApplied: (what: string) => `書き込めなかった箇所: ${what}`,
    badConfig: (file: string, reason: string) => `設定ファイルを読み込めません: ${file} — ${reason}`,
    writeFailed: (file: string, reason: string) => `書き込めません: ${file} — ${reason}`,
    csvWritten: (file: string, n: number) => `指摘一覧 (CSV, ${n} 件): ${file}`,
    wouldDrop: (out: string, what: string) =>
      `注意: 入力ブックの ${what} はコマンドラインでは保持できないため、${out} には含まれません（入力ファイルはそのままです）`,
    wouldDropInPlace: (file: string, what: string) =>
      `${file} には ${what} があり、コマンドラインで上書きすると失われます。-o で別ファイルに出力してください（何も書き込んでいません）`,
  },
  en: {
    unreadable: (file: string, reason: string) => `cannot read ${file} — ${reason} (skipped)`,
    noInput: "give an input file or folder",
    noXlsx: (p: string) => `no .xlsx file found in ${p}`,
    needOut: "give the output with -o OUT (or --in-place to overwrite the input)",
    sameAsInput: "the output is the input file; add --in-place to overwrite it",
    oneInput: "this command takes one input file",
    inPlaceMulti: "--in-place cannot be used with a summary of several files",
    outputWritten: (file: string) => `output: ${file}`,
    chartsSkipped:
      "Charts cannot be written from the command line (the Excel add-in writes them); the tables were.",
    notApplied: (what: string) => `not applied: ${what}`,
    badConfig: (file: string, reason: string) => `cannot load the configuration ${file} — ${reason}`,
    writeFailed: (file: string, reason: string) => `cannot write ${file} — ${reason}`,
    csvWritten: (file: string, n: number) => `findings (CSV, ${n}): ${file}`,
    wouldDrop: (out: string, what: string) =>
      `note: the input's ${what} cannot be kept from the command line and are not in ${out} (the input is unchanged)`,
    wouldDropInPlace: (file: string, what: string) =>
      `${file} holds ${what}, which writing it from the command line would lose; write to another file with -o (nothing written)`,
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** Names of the workbook parts ExcelJS drops (workbook-io's kinds). */
export const PART_NAMES: Record<Lang, Record<string, string>> = {
  ja: {
    charts: "グラフ",
    "pivot tables": "ピボットテーブル",
    slicers: "スライサー",
    "shapes and text boxes": "図形・画像・テキストボックス",
    macros: "マクロ",
  },
  en: {},
};

export function partNames(kinds: string[], lang: Lang): string {
  return kinds.map((k) => PART_NAMES[lang][k] ?? k).join(lang === "ja" ? "・" : ", ");
}

export const USAGE = `shinchoku — 進捗管理シートの検証・計算・集計 (validate, compute and summarise progress sheets)

Usage:
  shinchoku validate FILE_OR_FOLDER... [--json] [--lang ja|en] [--findings-csv FILE]
  shinchoku fill IN -o OUT | --in-place
  shinchoku summary IN... -o OUT | --in-place
  shinchoku run IN -o OUT | --in-place          (fill, summary, then the findings sheet 指摘一覧)
  shinchoku undo IN -o OUT | --in-place         (remove everything Shinchoku wrote; staff edits stay)
  shinchoku config --print-default

Options:
  -o, --out FILE       output workbook (the input is never written unless --in-place)
  --in-place           write into the input file
  --json               print the machine-readable report
  --lang ja|en         language of messages (default ja)
  --as-of YYYY-MM-DD   "today" for the checks (default: the clock)
  --config FILE        configuration (JSON; see config --print-default)
  --no-progress        no progress bar
  --findings-csv FILE  validate: the findings as CSV (UTF-8 with BOM, as Excel opens it), marks of 指摘一覧 included

Exit status: 0 no errors, 1 errors found, 2 a file could not be read or wrong arguments.
JSON: one readable input file gives the report object itself ({items, findings, summary});
several files, or one that cannot be read, give {"files": [{"file", "report"} | {"file", "error"}]}.
`;
