/**
 * Every string the task pane, the ribbon commands and the result dialog show, in Japanese and
 * English. Japanese is the default: English only when Office's display language is not Japanese.
 */
import type { Lang } from "../core/model/finding";

export type { Lang };

const JA = {
  "app.title": "進捗管理シート",
  "btn.validate": "検証",
  "btn.fill": "計算欄を記入",
  "btn.summary": "集計シート作成",
  "btn.clearHighlight": "ハイライトを消去",
  "toolbar.label": "コマンド",
  "phase.reading": "シートを読み込んでいます…",
  "phase.analysing": "検証・計算しています…",
  "phase.writing": "ブックに書き込んでいます…",
  "phase.done": "完了しました",
  "progress.label": "進行状況",
  "sev.error": "エラー",
  "sev.warning": "警告",
  "sev.info": "情報",
  "filter.label": "表示する指摘",
  "highlight.toggle": "検証時にエラーのセルを色付けする",
  "results.label": "検証結果",
  "results.notRun": "[検証] を押すと、すべての進捗管理シートを検証します。",
  "results.none": "指摘はありません。",
  "results.filteredOut": "選択した種類の指摘はありません。",
  "results.summary": "{items} 項目を読み込みました。",
  "group.workbook": "ブック全体",
  "group.item": "No.{no} {title}",
  "group.itemNoTitle": "No.{no}",
  "finding.goto": "{location} を選択: {message}",
  "finding.noCell": "(セルなし)",
  "done.validate": "検証が終わりました。",
  "done.fill": "計算欄を記入しました。",
  "done.fillNothing": "計算欄は変更されませんでした。",
  "done.summary": "集計シート「{sheet}」を作成しました。",
  "done.summaryNothing": "集計シートは作成されませんでした。",
  blocked: "書き込めませんでした: {reason}",
  "summarySheet.taken":
    "「{configured}」という名前のシートは Shinchoku が作ったものではないため上書きせず、「{actual}」に作成しました。",
  "summarySheet.configured": "設定のシート名「{actual}」で作成しました (既定は「{default}」)。",
  "stats.line": "読込 {read} 回・書込 {write} 回・{kb} KB・{ms} ms",
  "stats.label": "前回のコマンドの統計",
  "settings.title": "設定",
  "settings.achieved": "「達成」とする達成率 (%以上)",
  "settings.mostly": "「概ね達成」とする達成率 (%以上)",
  "settings.lowerIsBetter": "小さいほど良い指標 (名称の一部、1 行に 1 つ)",
  "settings.summarySheetName": "集計シート名",
  "settings.grades": "年度評価の区分 (1 行に 1 つ: 記号 | 名称 | 対応する判定)",
  "settings.gradesHelp": "例: B | 概ね計画どおり | 達成、概ね達成",
  "settings.statuses": "取組の状況の区分 (1 行に 1 つ。遅れを表すものは「名称 | 遅れ」)",
  "settings.advanced": "詳細設定 (JSON)",
  "settings.advancedHelp": '上の項目以外の設定を JSON で上書きします。例: {"staleEstimateYears": 2}',
  "settings.save": "設定を保存",
  "settings.saved": "設定を保存しました。設定はこのブックに保存されます。",
  "settings.invalid": "設定を保存できません。次の点を確認してください:",
  "settings.loadFailed": "設定を読み込めませんでした。設定パネルには既定の設定を表示しています。",
  "field.achieved": "「達成」の達成率",
  "field.mostly": "「概ね達成」の達成率",
  "field.grades": "年度評価の区分",
  "field.statuses": "取組の状況の区分",
  "err.percent": "{field}: 0 より大きい数値を入力してください。",
  "err.order": "「概ね達成」の値は「達成」の値以下にしてください。",
  "err.sheetName": "集計シート名は 1~31 文字で、: \\ / ? * [ ] を含まない名前にしてください。",
  "err.emptyList": "{field}: 少なくとも 1 行入力してください。",
  "err.gradeLine": "{field} {line} 行目: 記号を入力してください。",
  "err.duplicate": "{field} {line} 行目: 「{value}」が重複しています。",
  "err.flag": "{field} {line} 行目: 判定「{value}」は 達成・概ね達成・未達成 のいずれかにしてください。",
  "err.statusMark": "{field} {line} 行目: 「|」の後には「遅れ」だけを書けます (「{value}」)。",
  "err.json": "詳細設定: JSON として読めません ({detail})。",
  "err.jsonFormKey": "詳細設定: 「{key}」は上の欄で設定してください。",
  "err.jsonObject": "詳細設定: { … } の形のオブジェクトで指定してください。",
  "err.jsonKey": "詳細設定: 「{key}」という設定項目はありません。",
  "err.jsonType": "詳細設定: 「{key}」の形式が違います ({expected} を指定してください)。",
  "type.array": "配列",
  "type.object": "オブジェクト",
  "type.number": "数値",
  "type.string": "文字列",
  "type.boolean": "真偽値",
  "error.title": "エラーが発生しました",
  "error.office": "Excel がエラーを返しました ({code}): {message}",
  "error.unknown": "予期しないエラーが発生しました。",
  "error.settingsInvalid":
    "このブックに保存された設定に誤りがあるため実行しませんでした。設定パネルで保存し直してください: {detail}",
  "error.busy": "Excel が編集中のため実行できません。セルの編集を終えてからもう一度お試しください。",
  "dialog.close": "閉じる",
  "dialog.counts": "エラー {error} 件・警告 {warning} 件・情報 {info} 件",
  "dialog.details": "指摘の一覧は [検証] で作業ウィンドウに表示できます。",
  "dialog.failed": "実行できませんでした",
} as const;

export type MessageKey = keyof typeof JA;

const EN: Record<MessageKey, string> = {
  "app.title": "Progress sheets",
  "btn.validate": "Validate",
  "btn.fill": "Fill computed fields",
  "btn.summary": "Create summary sheet",
  "btn.clearHighlight": "Clear highlight",
  "toolbar.label": "Commands",
  "phase.reading": "Reading the sheets…",
  "phase.analysing": "Checking and computing…",
  "phase.writing": "Writing to the workbook…",
  "phase.done": "Done",
  "progress.label": "Progress",
  "sev.error": "Errors",
  "sev.warning": "Warnings",
  "sev.info": "Info",
  "filter.label": "Findings to show",
  "highlight.toggle": "Highlight cells with errors when validating",
  "results.label": "Results",
  "results.notRun": "Press Validate to check every progress sheet.",
  "results.none": "No findings.",
  "results.filteredOut": "No findings of the selected kinds.",
  "results.summary": "{items} items read.",
  "group.workbook": "Whole workbook",
  "group.item": "No.{no} {title}",
  "group.itemNoTitle": "No.{no}",
  "finding.goto": "Select {location}: {message}",
  "finding.noCell": "(no cell)",
  "done.validate": "Validation finished.",
  "done.fill": "Computed fields filled.",
  "done.fillNothing": "No computed field was changed.",
  "done.summary": "Summary sheet “{sheet}” created.",
  "done.summaryNothing": "No summary sheet was created.",
  blocked: "Nothing could be written: {reason}",
  "summarySheet.taken":
    "A sheet named “{configured}” exists and was not made by Shinchoku, so it was left alone and the summary went to “{actual}”.",
  "summarySheet.configured": "Created under the configured name “{actual}” (the default is “{default}”).",
  "stats.line": "{read} reads · {write} writes · {kb} KB · {ms} ms",
  "stats.label": "Last command's statistics",
  "settings.title": "Settings",
  "settings.achieved": "“Achieved” at a rate of at least (%)",
  "settings.mostly": "“Mostly achieved” at a rate of at least (%)",
  "settings.lowerIsBetter": "Indicators where lower is better (part of the name, one per line)",
  "settings.summarySheetName": "Summary sheet name",
  "settings.grades": "Year-end grades (one per line: code | name | matching flags)",
  "settings.gradesHelp": "e.g. B | 概ね計画どおり | 達成、概ね達成",
  "settings.statuses": "Mid-year statuses (one per line; mark those meaning behind as “name | 遅れ”)",
  "settings.advanced": "Advanced settings (JSON)",
  "settings.advancedHelp": 'Overrides any other setting in JSON, e.g. {"staleEstimateYears": 2}',
  "settings.save": "Save settings",
  "settings.saved": "Settings saved. They are stored in this workbook.",
  "settings.invalid": "The settings cannot be saved. Please check:",
  "settings.loadFailed": "The settings could not be read; the settings panel shows the defaults.",
  "field.achieved": "“Achieved” rate",
  "field.mostly": "“Mostly achieved” rate",
  "field.grades": "Grades",
  "field.statuses": "Statuses",
  "err.percent": "{field}: enter a number greater than 0.",
  "err.order": "“Mostly achieved” must not be higher than “Achieved”.",
  "err.sheetName": "The summary sheet name must be 1–31 characters without : \\ / ? * [ ].",
  "err.emptyList": "{field}: enter at least one line.",
  "err.gradeLine": "{field}, line {line}: enter a code.",
  "err.duplicate": "{field}, line {line}: “{value}” appears twice.",
  "err.flag": "{field}, line {line}: flag “{value}” must be one of 達成, 概ね達成, 未達成.",
  "err.statusMark": "{field}, line {line}: only “遅れ” (or “behind”) may follow “|” (got “{value}”).",
  "err.json": "Advanced settings: not valid JSON ({detail}).",
  "err.jsonFormKey": "Advanced settings: set “{key}” in the fields above.",
  "err.jsonObject": "Advanced settings: give an object { … }.",
  "err.jsonKey": "Advanced settings: there is no setting “{key}”.",
  "err.jsonType": "Advanced settings: “{key}” has the wrong form (give {expected}).",
  "type.array": "an array",
  "type.object": "an object",
  "type.number": "a number",
  "type.string": "a string",
  "type.boolean": "true or false",
  "error.title": "Something went wrong",
  "error.office": "Excel reported an error ({code}): {message}",
  "error.unknown": "An unexpected error occurred.",
  "error.settingsInvalid":
    "Nothing was run: the settings saved in this workbook are invalid. Save them again in the settings panel: {detail}",
  "error.busy": "Excel is busy (a cell is being edited). Finish editing the cell and try again.",
  "dialog.close": "Close",
  "dialog.counts": "Errors: {error} · Warnings: {warning} · Info: {info}",
  "dialog.details": "Use Validate to list the findings in the task pane.",
  "dialog.failed": "The command could not run",
};

const TABLES: Record<Lang, Record<MessageKey, string>> = { ja: JA, en: EN };

/** Japanese unless Office reports a display language that is not Japanese ("ja", "ja-JP"). */
export function chooseLang(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return "ja";
  return displayLanguage.trim().toLowerCase().startsWith("ja") ? "ja" : "en";
}

export type Params = Record<string, string | number>;

/** The message for a key, with {name} placeholders filled; unknown placeholders stay visible. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** For tests: both tables must have the same keys and the same placeholders. */
export function messageTables(): Record<Lang, Record<MessageKey, string>> {
  return TABLES;
}
