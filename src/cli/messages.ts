/** The CLI's own words (the findings' words come from the engine's rules). */
import type { Lang } from "../core";
import type { ReadErrorKind } from "./read/errors";

export const MSG = {
  ja: {
    unreadable: (file: string, reason: string) => `読み込めません: ${file} — ${reason}（スキップしました）`,
    noInput: "入力ファイルまたはフォルダーを指定してください",
    noXlsx: (p: string) => `.xlsx ファイルが見つかりません: ${p}`,
    needOut: "出力先を -o OUT で指定してください（入力を上書きするときは --in-place）",
    sameAsInput: "出力先が入力ファイルと同じです。上書きするときは --in-place を付けてください",
    oneInput: "このコマンドの入力は 1 ファイルです",
    inPlaceMulti: "複数ファイルからの集計では --in-place は使えません",
    summarySettingsDiffer: (keys: string[], files: string[]) =>
      `ファイルに保存された設定が、集計の形を決める項目で食い違っています（${keys.join("、")}: ${files.join("、")}）。どの設定で集計するかを --config で指定してください（何も書き込んでいません）`,
    summaryItemAcrossSettings: (no: string, files: string[]) =>
      `No.${no} の項目が、保存された設定の異なるファイルにまたがっています（${files.join("、")}）。--config で設定をそろえてください（何も書き込んでいません）`,
    outputWritten: (file: string) => `出力: ${file}`,
    chartsSkipped:
      "グラフはコマンドラインでは作成できません（Excel アドインで作成されます）。表は作成しました。",
    notApplied: (what: string) => `書き込めなかった箇所: ${what}`,
    badConfig: (file: string, reason: string) => `設定ファイルを読み込めません: ${file} — ${reason}`,
    writeFailed: (file: string, reason: string) => `書き込めません: ${file} — ${reason}`,
    csvWritten: (file: string, n: number) => `指摘一覧 (CSV, ${n} 件): ${file}`,
    patchRefused: (file: string, reason: string) =>
      `${file} には安全に書き込めないため、何も書き込んでいません — ${reason}`,
    extensionMismatch: (out: string, kind: string) =>
      `出力先 ${out} の拡張子が内容と合いません。このブックは .${kind} として保存してください（何も書き込んでいません）`,
    internal: (what: string) => `予期しないエラーで中止しました: ${what}（--debug で詳細を表示します）`,
    unknownCommand: (cmd: string) => `「${cmd}」というコマンドはありません`,
    unknownOption: (opt: string) => `「${opt}」というオプションはありません`,
    optionNeedsValue: (opt: string) => `${opt} には値を指定してください`,
    optionTakesNoValue: (opt: string) => `${opt} には値を付けません`,
    unexpectedArgument: (arg: string) => `余分な引数があります: ${arg}`,
    badLang: (v: string) => `--lang には ja か en を指定してください（指定: ${v}）`,
    badAsOf: (v: string) => `--as-of には日付を YYYY-MM-DD で指定してください（指定: ${v}）`,
    configNeedsPrintDefault: "config には --print-default を付けてください",
    seeHelp: "使い方: shinchoku --help",
  },
  en: {
    unreadable: (file: string, reason: string) => `cannot read ${file} — ${reason} (skipped)`,
    noInput: "give an input file or folder",
    noXlsx: (p: string) => `no .xlsx file found in ${p}`,
    needOut: "give the output with -o OUT (or --in-place to overwrite the input)",
    sameAsInput: "the output is the input file; add --in-place to overwrite it",
    oneInput: "this command takes one input file",
    inPlaceMulti: "--in-place cannot be used with a summary of several files",
    summarySettingsDiffer: (keys: string[], files: string[]) =>
      `the settings saved in the files differ in what shapes the summary (${keys.join(", ")}: ${files.join(", ")}); choose the settings for the summary with --config (nothing written)`,
    summaryItemAcrossSettings: (no: string, files: string[]) =>
      `item No.${no} has sheets in files whose saved settings differ (${files.join(", ")}); give --config to read them alike (nothing written)`,
    outputWritten: (file: string) => `output: ${file}`,
    chartsSkipped:
      "Charts cannot be written from the command line (the Excel add-in writes them); the tables were.",
    notApplied: (what: string) => `not applied: ${what}`,
    badConfig: (file: string, reason: string) => `cannot load the configuration ${file} — ${reason}`,
    writeFailed: (file: string, reason: string) => `cannot write ${file} — ${reason}`,
    csvWritten: (file: string, n: number) => `findings (CSV, ${n}): ${file}`,
    patchRefused: (file: string, reason: string) =>
      `${file} cannot be written safely, nothing written — ${reason}`,
    extensionMismatch: (out: string, kind: string) =>
      `the output ${out} has an extension that does not match its content; save this workbook as .${kind} (nothing written)`,
    internal: (what: string) => `stopped by an unexpected error: ${what} (--debug shows the details)`,
    unknownCommand: (cmd: string) => `there is no command "${cmd}"`,
    unknownOption: (opt: string) => `there is no option ${opt}`,
    optionNeedsValue: (opt: string) => `${opt} needs a value`,
    optionTakesNoValue: (opt: string) => `${opt} takes no value`,
    unexpectedArgument: (arg: string) => `unexpected argument: ${arg}`,
    badLang: (v: string) => `--lang must be ja or en, not ${v}`,
    badAsOf: (v: string) => `--as-of must be a date YYYY-MM-DD, not ${v}`,
    configNeedsPrintDefault: "config: use --print-default",
    seeHelp: "usage: shinchoku --help",
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** Why a file could not be read, by kind (src/cli/read/errors.ts); `detail` as the kind gives it. */
export const READ_REASONS: Record<Lang, Record<ReadErrorKind, (detail: string) => string>> = {
  ja: {
    io: (code) => errnoWords(code, "ja"),
    empty: () => "空のファイルです（0 バイト）",
    xls: () => "Excel 97-2003 形式 (.xls) のブックです。Excel で開き、.xlsx で保存し直してください",
    encrypted: () =>
      "パスワードで保護（暗号化）されたブックです。Excel で開いてパスワードを解除してください（ファイル → 情報 → ブックの保護）",
    text: () => "テキスト（CSV など）のファイルです。Excel で開き、.xlsx で保存し直してください",
    notZip: () => "Excel ブック (.xlsx) ではありません",
    brokenZip: () =>
      "ファイルが壊れているか、途中で切れています（コピーし直すか、Excel で開けるか確かめてください）",
    notWorkbook: (what) =>
      what === "docx"
        ? "Word 文書 (.docx) です。Excel ブック (.xlsx) を指定してください"
        : what === "pptx"
          ? "PowerPoint (.pptx) のファイルです。Excel ブック (.xlsx) を指定してください"
          : what === "xlsb"
            ? "Excel バイナリ ブック (.xlsb) です。.xlsx で保存し直してください"
            : "zip ファイルですが、Excel ブックではありません",
    tooLarge: () =>
      "展開後の大きさが上限を超えるため読み込みを中止しました（zip 爆弾のおそれがあります。Excel で開いて確かめてください）",
    badXml: (part) => `ブックの中身 (${part}) が壊れています。Excel で開いて保存し直してください`,
    writerCannotRead: () =>
      "このブックはコマンドラインでは書き込めません（検査の validate はできます）。Excel で開いて保存し直すと書き込めます",
  },
  en: {
    io: (code) => errnoWords(code, "en"),
    empty: () => "the file is empty (0 bytes)",
    xls: () => "an Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx",
    encrypted: () =>
      "the workbook is protected with a password (encrypted); open it in Excel and remove the password (File → Info → Protect Workbook)",
    text: () => "a text file (CSV or similar); open it in Excel and save it as .xlsx",
    notZip: () => "not an Excel workbook (.xlsx)",
    brokenZip: () => "the file is damaged or cut short (copy it again, or check that Excel opens it)",
    notWorkbook: (what) =>
      what === "docx"
        ? "a Word document (.docx); give an Excel workbook (.xlsx)"
        : what === "pptx"
          ? "a PowerPoint file (.pptx); give an Excel workbook (.xlsx)"
          : what === "xlsb"
            ? "an Excel binary workbook (.xlsb); save it as .xlsx"
            : "a zip file, but not an Excel workbook",
    tooLarge: () =>
      "reading stopped: the file unpacks to more than the limit (it may be a zip bomb; check it in Excel)",
    badXml: (part) => `a part of the workbook (${part}) is damaged; open it in Excel and save it again`,
    writerCannotRead: () =>
      "this workbook cannot be written from the command line (validate can check it); saved again by Excel, it can",
  },
};

/** Errno codes in words: no ENOENT reaches a user. */
const ERRNO: Record<Lang, Record<string, string>> = {
  ja: {
    ENOENT: "ファイルまたはフォルダーが見つかりません",
    EACCES: "アクセス権がありません",
    EPERM: "この操作は許可されていません",
    EISDIR: "フォルダーです（ファイルを指定してください）",
    ENOTDIR: "パスの途中がフォルダーではありません",
    EROFS: "読み取り専用の場所です",
    ENOSPC: "ディスクの空きが足りません",
    EDQUOT: "ディスクの割り当てを超えました",
    EBUSY: "ほかのプログラムが使用中です",
    ETXTBSY: "ほかのプログラムが使用中です",
    EMFILE: "開いているファイルが多すぎます",
    ENFILE: "開いているファイルが多すぎます",
    ENAMETOOLONG: "名前が長すぎます",
    ELOOP: "シンボリックリンクが循環しています",
    EEXIST: "同じ名前のファイルがすでにあります",
    EIO: "ディスクの読み書きに失敗しました",
    EXDEV: "別のドライブへは移動できません",
    EINVAL: "この場所には書き込めません",
  },
  en: {
    ENOENT: "no such file or folder",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EISDIR: "a folder (give a file)",
    ENOTDIR: "a part of the path is not a folder",
    EROFS: "a read-only location",
    ENOSPC: "no space left on the disk",
    EDQUOT: "disk quota exceeded",
    EBUSY: "in use by another program",
    ETXTBSY: "in use by another program",
    EMFILE: "too many open files",
    ENFILE: "too many open files",
    ENAMETOOLONG: "the name is too long",
    ELOOP: "symbolic links loop",
    EEXIST: "a file of that name exists",
    EIO: "the disk could not be read or written",
    EXDEV: "cannot move to another drive",
    EINVAL: "cannot be written there",
  },
};

export function errnoWords(code: string, lang: Lang): string {
  return (
    ERRNO[lang][code] ??
    (lang === "ja" ? "ファイルを読み書きできません" : "the file cannot be read or written")
  );
}

/** Why a file could not be written (src/cli/write-file.ts's kinds). */
export function writeReason(kind: "readOnly" | "isDirectory" | "io", code: string, lang: Lang): string {
  if (kind === "readOnly")
    return lang === "ja"
      ? "読み取り専用のファイルです（書き込みを許可するか、別の出力先を指定してください）"
      : "the file is read-only (allow writing, or give another output)";
  if (kind === "isDirectory") return ERRNO[lang].EISDIR;
  return errnoWords(code, lang);
}

export const USAGE_JA = `shinchoku — 進捗管理シートの検証・計算・集計

使い方:
  shinchoku validate ファイルまたはフォルダー... [--json] [--lang ja|en] [--findings-csv ファイル]
  shinchoku fill 入力 -o 出力 | --in-place
  shinchoku summary 入力... -o 出力 | --in-place
  shinchoku run 入力 -o 出力 | --in-place        （fill、summary のあと指摘一覧シートを作成）
  shinchoku undo 入力 -o 出力 | --in-place       （Shinchoku が書いたものをすべて取り除く。職員の編集は残ります）
  shinchoku config --print-default

オプション:
  -o, --out ファイル     出力するブック（--in-place を付けない限り、入力ファイルには書き込みません）
  --in-place             入力ファイルに上書きする
  --json                 機械処理用のレポート (JSON) を出力する
  --lang ja|en           メッセージの言語（既定: ja）
  --as-of YYYY-MM-DD     チェックの「今日」（既定: 今日の日付）
  --config ファイル      設定ファイル (JSON。config --print-default を参照)
  --no-progress          進捗バーを表示しない
  --findings-csv ファイル validate: 指摘を CSV (BOM 付き UTF-8、Excel でそのまま開けます) に書き出す。指摘一覧の記入も含む
  --debug                エラーの詳細（スタックトレース）を表示する
  -h, --help             この説明を表示する

終了コード: 0 エラーなし、1 エラーあり、2 読み込めないファイルがある・引数の誤り。
JSON: 読み込めた入力ファイルが 1 つならレポートそのもの ({items, findings, summary})、
複数のファイルか読み込めないファイルがあるときは {"files": [{"file", "report"} | {"file", "error"}]}。
`;

export const USAGE_EN = `shinchoku — validate, compute and summarise progress sheets

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
  --debug              show the details (stack trace) of an error
  -h, --help           show this help

Exit status: 0 no errors, 1 errors found, 2 a file could not be read or wrong arguments.
JSON: one readable input file gives the report object itself ({items, findings, summary});
several files, or one that cannot be read, give {"files": [{"file", "report"} | {"file", "error"}]}.
`;

export function usage(lang: Lang): string {
  return lang === "en" ? USAGE_EN : USAGE_JA;
}

/** The English help, as before (kept for callers that name it). */
export const USAGE = USAGE_EN;
