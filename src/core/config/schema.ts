/**
 * The one schema of the configuration overrides: the CLI's --config file, the pane's settings panel
 * and the settings saved in a workbook are all checked here (valibot), and the published JSON Schema
 * (schema/shinchoku.schema.json) is generated from it. A problem names its JSON path and what is
 * expected, in Japanese and English.
 *
 * Unknown keys are refused at every level: a misspelt key ("acheived") would otherwise be ignored
 * and the city would run on a default it believes it changed. `$schema` is the one extra key allowed
 * (editors use it to find the schema); it is dropped before merging.
 */
import * as v from "valibot";
import { ALL_RULES } from "../checks/index";
import type { Lang } from "../model/finding";
import type { IndicatorKind } from "../model/item";
import type { ConfigOverrides, Flag, LabelConfig } from "./config";

/** What a value should have been: each has its words below. */
export type ProblemCode =
  | "json.syntax"
  | "type.object"
  | "type.array"
  | "type.string"
  | "type.number"
  | "type.boolean"
  | "key.unknown"
  | "key.missing"
  | "text.blank"
  | "text.long"
  | "list.empty"
  | "list.duplicate"
  | "sheet.empty"
  | "sheet.long"
  | "sheet.chars"
  | "sheet.apostrophe"
  | "sheet.reserved"
  | "severity.value"
  | "flag.value"
  | "kind.value"
  | "threshold.range"
  | "threshold.order"
  | "years.range"
  | "rule.unknown";

export interface ConfigProblem {
  /** JSON path from the top of the overrides: "thresholds.mostly", "labels.no[0]", "" for the whole. */
  path: string;
  code: ProblemCode;
  /** Extra words: the JSON parser's message, the duplicated value. */
  detail?: string;
}

export type ConfigCheck =
  | { ok: true; overrides: ConfigOverrides; warnings: ConfigProblem[] }
  | { ok: false; errors: ConfigProblem[]; warnings: ConfigProblem[] };

export const SEVERITY_VALUES = ["error", "warning", "info", "off"] as const;
export const FLAG_VALUES = [
  "達成",
  "概ね達成",
  "未達成",
  "未入力",
  "要確認",
  "対象外",
] as const satisfies readonly Flag[];
export const KIND_VALUES = ["cumulative", "level", "annual"] as const satisfies readonly IndicatorKind[];
/** Largest text Excel holds in one cell. */
const CELL_TEXT_MAX = 32767;

const WORDS: Record<ProblemCode, Record<Lang, string>> = {
  "json.syntax": { ja: "JSON として読めません", en: "not valid JSON" },
  "type.object": { ja: "オブジェクト { … } を指定してください", en: "expected an object { … }" },
  "type.array": { ja: "配列 [ … ] を指定してください", en: "expected an array [ … ]" },
  "type.string": { ja: "文字列を指定してください", en: "expected a string" },
  "type.number": { ja: "数値を指定してください", en: "expected a number" },
  "type.boolean": { ja: "true か false を指定してください", en: "expected true or false" },
  "key.unknown": { ja: "この名前の設定項目はありません", en: "there is no such setting" },
  "key.missing": { ja: "この項目は省略できません", en: "this entry is required" },
  "text.blank": { ja: "空白以外の文字を含めてください", en: "expected a text that is not empty or blank" },
  "text.long": {
    ja: `${CELL_TEXT_MAX} 文字以下にしてください`,
    en: `expected at most ${CELL_TEXT_MAX} characters`,
  },
  "list.empty": { ja: "少なくとも 1 つ指定してください", en: "expected at least one entry" },
  "list.duplicate": { ja: "前の行と同じ値です", en: "an earlier entry has the same value" },
  "sheet.empty": { ja: "シート名が空です", en: "a sheet name cannot be empty" },
  "sheet.long": {
    ja: "シート名は 31 文字以下にしてください",
    en: "a sheet name has at most 31 characters",
  },
  "sheet.chars": {
    ja: "シート名に [ ] : * ? / \\ は使えません",
    en: "a sheet name cannot contain [ ] : * ? / \\",
  },
  "sheet.apostrophe": {
    ja: "シート名の先頭と末尾にアポストロフィ (') は使えません",
    en: "a sheet name cannot begin or end with an apostrophe (')",
  },
  "sheet.reserved": {
    ja: "「History」は Excel が予約しているシート名です",
    en: "“History” is a sheet name Excel reserves",
  },
  "severity.value": {
    ja: "error・warning・info・off のいずれかを指定してください",
    en: "expected one of error, warning, info, off",
  },
  "flag.value": {
    ja: `${FLAG_VALUES.join("・")} または flagBands のラベルのいずれかを指定してください`,
    en: `expected one of ${FLAG_VALUES.join(", ")} or a label of flagBands`,
  },
  "kind.value": {
    ja: "cumulative (累計)・level (年度末時点)・annual (単年度) のいずれかを指定してください",
    en: "expected one of cumulative, level, annual",
  },
  "threshold.range": {
    ja: "0 以上 10 以下の数値 (1 = 100%) を指定してください",
    en: "expected a number from 0 to 10 (1 = 100%)",
  },
  "threshold.order": {
    ja: "「概ね達成」(mostly) は「達成」(achieved) 以下にしてください",
    en: "“mostly” must not be higher than “achieved”",
  },
  "years.range": {
    ja: "0 以上 50 以下の整数を指定してください",
    en: "expected a whole number from 0 to 50",
  },
  "rule.unknown": {
    ja: "この名前のチェック規則はありません (無視します)",
    en: "there is no check rule of this name (ignored)",
  },
};

/** One problem in one line: path, then what is expected. */
export function formatConfigProblem(lang: Lang, p: ConfigProblem): string {
  const words = WORDS[p.code][lang];
  const detail = p.detail ? ` (${p.detail})` : "";
  if (p.path === "") return `${words}${detail}`;
  return lang === "ja" ? `「${p.path}」: ${words}${detail}` : `${p.path}: ${words}${detail}`;
}

export function formatConfigProblems(lang: Lang, problems: readonly ConfigProblem[]): string {
  return problems.map((p) => formatConfigProblem(lang, p)).join(lang === "ja" ? "。" : "; ");
}

/** Thrown by mergeConfig for overrides the schema refuses. */
export class ConfigInvalidError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(formatConfigProblems("en", problems));
    this.name = "ConfigInvalidError";
  }
}

export const SHEET_NAME_PATTERNS = {
  "sheet.empty": /\S/,
  "sheet.chars": /^[^[\]:*?/\\]*$/,
  // Neither first nor last character an apostrophe (no lookbehind: the pane runs on ES2017 hosts).
  "sheet.apostrophe": /^(?!')(?:[\s\S]*[^'])?$/,
  "sheet.reserved": /^(?![Hh][Ii][Ss][Tt][Oo][Rr][Yy]$)/,
} as const;

/**
 * The schema, built when first asked for: a run without a configuration file and without settings
 * saved in the workbook checks nothing against it (checkOverrides), and building it is work done
 * before the first sheet is read.
 */
function buildOverridesSchema() {
  // Valibot carries our problem code as the issue's message; a message function sees the issue, so
  // an object's one message can tell a wrong type from an unknown key.
  const code = (c: ProblemCode) => c;
  const objectMessage = (issue: v.BaseIssue<unknown>): ProblemCode =>
    issue.expected === "never"
      ? "key.unknown"
      : issue.expected?.startsWith('"')
        ? "key.missing"
        : "type.object";

  // Valibot's object schemas take arrays as objects; a configuration never means an array there.
  const plainObject = v.custom<Record<string, unknown>>(
    (x) => typeof x === "object" && x !== null && !Array.isArray(x),
    code("type.object"),
  );
  const objectOf = <E extends v.ObjectEntries>(entries: E) =>
    v.pipe(plainObject, v.strictObject(entries, objectMessage));

  const nonBlankText = v.pipe(
    v.string(code("type.string")),
    v.regex(/\S/, code("text.blank")),
    v.maxLength(CELL_TEXT_MAX, code("text.long")),
  );

  /** Excel's rules for a sheet name (the names Excel's rename box refuses). */
  const sheetNameSchema = v.pipe(
    v.string(code("type.string")),
    v.regex(SHEET_NAME_PATTERNS["sheet.empty"], code("sheet.empty")),
    v.maxLength(31, code("sheet.long")),
    v.regex(SHEET_NAME_PATTERNS["sheet.chars"], code("sheet.chars")),
    v.regex(SHEET_NAME_PATTERNS["sheet.apostrophe"], code("sheet.apostrophe")),
    v.regex(SHEET_NAME_PATTERNS["sheet.reserved"], code("sheet.reserved")),
  );

  const textList = (min: number, description: string) =>
    v.pipe(
      v.array(nonBlankText, code("type.array")),
      v.minLength(min, code("list.empty")),
      v.description(description),
    );

  const LABEL_KEYS = [
    "pillar",
    "midItem",
    "smallItem",
    "no",
    "departments",
    "title",
    "situation",
    "goals",
    "content",
    "overview",
    "baseline",
    "plan",
    "actual",
    "midTarget",
    "finalTarget",
    "process",
    "indicator",
    "statusSection",
    "statusLabels",
    "gradeSection",
    "evaluationLabels",
    "issues",
    "midtermEvaluation",
    "periodEvaluation",
    "periodLabels",
    "notePrefixes",
  ] as const satisfies readonly (keyof LabelConfig)[];

  const labelEntries = Object.fromEntries(
    LABEL_KEYS.map((k) => [
      k,
      v.optional(
        textList(1, "Label variants, matched at the start of a cell / ラベルの表記 (セルの先頭で照合)"),
      ),
    ]),
  ) as { [K in (typeof LABEL_KEYS)[number]]: v.OptionalSchema<ReturnType<typeof textList>, undefined> };

  const threshold = v.pipe(
    v.number(code("type.number")),
    v.finite(code("type.number")),
    v.minValue(0, code("threshold.range")),
    v.maxValue(10, code("threshold.range")),
  );

  const gradeSchema = objectOf({
    code: nonBlankText,
    ja: nonBlankText,
    en: nonBlankText,
    // A band label (flagBands) is a flag too, so any label is accepted here.
    expectedFlags: v.array(nonBlankText, code("type.array")),
  });

  const statusSchema = objectOf({
    label: nonBlankText,
    en: nonBlankText,
    onTrack: v.boolean(code("type.boolean")),
  });

  /** The overrides: every key optional; arrays replace the default, objects merge into it. */
  const overridesSchema = v.pipe(
    plainObject,
    v.strictObject(
      {
        $schema: v.optional(v.pipe(v.string(code("type.string")), v.description("JSON Schema of this file"))),
        labels: v.optional(
          v.pipe(objectOf(labelEntries), v.description("Label wording per plan edition / 様式のラベル表記")),
        ),
        grades: v.optional(
          v.pipe(
            v.array(gradeSchema, code("type.array")),
            v.minLength(1, code("list.empty")),
            v.description("Year-end grades / 年度評価の区分"),
          ),
        ),
        statuses: v.optional(
          v.pipe(
            v.array(statusSchema, code("type.array")),
            v.minLength(1, code("list.empty")),
            v.description("Mid-year statuses / 取組の状況の区分"),
          ),
        ),
        cumulativeMarkers: v.optional(textList(0, "Markers of running totals / 累計を表す語")),
        annualMarkers: v.optional(textList(0, "Markers of per-year amounts / 単年度の値を表す語")),
        levelMarkers: v.optional(textList(0, "Markers of year-end levels / 年度末時点の値を表す語")),
        indicatorKinds: v.optional(
          v.pipe(
            v.array(
              objectOf({ name: nonBlankText, kind: v.picklist(KIND_VALUES, code("kind.value")) }),
              code("type.array"),
            ),
            v.description("Kind per indicator (part of its name) / 指標ごとの種別"),
          ),
        ),
        defaultIndicatorKind: v.optional(
          v.pipe(
            v.picklist(KIND_VALUES, code("kind.value")),
            v.description("Kind of an unmarked indicator / 種別の目印がない指標の種別"),
          ),
        ),
        periodGrades: v.optional(
          v.pipe(
            v.nullable(v.pipe(v.array(gradeSchema, code("type.array")), v.minLength(1, code("list.empty")))),
            v.description("Scale of mid-term and period grades; null: the year grades' / 期間評価の区分"),
          ),
        ),
        flagBands: v.optional(
          v.pipe(
            v.nullable(
              v.pipe(
                v.array(
                  objectOf({
                    label: nonBlankText,
                    en: v.optional(nonBlankText),
                    min: threshold,
                  }),
                  code("type.array"),
                ),
                v.minLength(1, code("list.empty")),
              ),
            ),
            v.description("Progress-flag bands (label, lower bound); null: from thresholds / 判定の区分"),
          ),
        ),
        estimateMarkers: v.optional(textList(0, "Markers of estimates / 見込みを表す語")),
        thresholds: v.optional(
          v.pipe(
            objectOf({
              achieved: v.optional(v.pipe(threshold, v.description("rate ≥ achieved → 達成 (1 = 100%)"))),
              mostly: v.optional(
                v.pipe(threshold, v.description("rate ≥ mostly → 概ね達成; mostly ≤ achieved")),
              ),
            }),
            v.description("Achievement rate thresholds / 達成率の判定基準"),
          ),
        ),
        lowerIsBetter: v.optional(
          textList(0, "Indicator names (parts) where lower is better / 小さいほど良い指標"),
        ),
        staleEstimateYears: v.optional(
          v.pipe(
            v.number(code("type.number")),
            v.integer(code("years.range")),
            v.minValue(0, code("years.range")),
            v.maxValue(50, code("years.range")),
            v.description("Years after which a baseline estimate is stale / 見込み値を古いとする年数"),
          ),
        ),
        severity: v.optional(
          v.pipe(
            plainObject,
            v.record(v.string(), v.picklist(SEVERITY_VALUES, code("severity.value")), code("type.object")),
            v.description("Severity per rule code, or off / 規則ごとの重要度"),
          ),
        ),
        summarySheetName: v.optional(
          v.pipe(sheetNameSchema, v.description("Summary sheet name / 集計シート名")),
        ),
        ownedAreaTitle: v.optional(
          v.pipe(nonBlankText, v.description("Title of the computed area / 自動計算欄の見出し")),
        ),
        summaryMarker: v.optional(
          v.pipe(nonBlankText, v.description("Marker in A1 of the summary sheet / 集計シート A1 の目印")),
        ),
        summaryTitle: v.optional(
          v.pipe(nonBlankText, v.description("Title printed on the summary sheet / 集計シートの表題")),
        ),
        summaryFont: v.optional(
          v.pipe(nonBlankText, v.description("Font of the summary sheet / 集計シートのフォント")),
        ),
        findingsSheetName: v.optional(
          v.pipe(sheetNameSchema, v.description("Findings sheet name / 指摘一覧シート名")),
        ),
        findingsMarker: v.optional(
          v.pipe(
            nonBlankText,
            v.description("Marker in A1 of the findings sheet / 指摘一覧シート A1 の目印"),
          ),
        ),
        reviewStates: v.optional(
          v.pipe(
            objectOf({
              open: v.optional(nonBlankText),
              fixed: v.optional(nonBlankText),
              confirmed: v.optional(nonBlankText),
              notNeeded: v.optional(nonBlankText),
            }),
            v.description("Words of the 対応 column / 指摘一覧の対応欄の語"),
          ),
        ),
      },
      objectMessage,
    ),
    v.description("Shinchoku configuration overrides / Shinchoku の設定"),
  );
  return overridesSchema;
}

let builtSchema: ReturnType<typeof buildOverridesSchema> | null = null;

/** The overrides' schema (every key optional; arrays replace the default, objects merge into it). */
export function overridesSchema(): ReturnType<typeof buildOverridesSchema> {
  return (builtSchema ??= buildOverridesSchema());
}

// Compile-time guard: the schema and ConfigOverrides name the same keys at every level, so a field
// added to ShinchokuConfig without a schema entry (or the reverse) fails the type check here.
type Schema = Omit<v.InferOutput<ReturnType<typeof overridesSchema>>, "$schema">;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { onlyInFirst: Exclude<keyof A, keyof B>; onlyInSecond: Exclude<keyof B, keyof A> };
const schemaKeysMatch: SameKeys<Schema, ConfigOverrides> = true;
const labelKeysMatch: SameKeys<NonNullable<Schema["labels"]>, LabelConfig> = true;
const thresholdKeysMatch: SameKeys<
  NonNullable<Schema["thresholds"]>,
  NonNullable<ConfigOverrides["thresholds"]>
> = true;
// And what the schema lets through is a ConfigOverrides (types, not just names).
const schemaOutputFits = (x: Schema): ConfigOverrides => x;
void [schemaKeysMatch, labelKeysMatch, thresholdKeysMatch, schemaOutputFits];

const KNOWN_RULES = new Set(ALL_RULES.map((r) => r.code));

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = "";
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function isEmptyObject(x: unknown): boolean {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  for (const key in x) if (Object.prototype.hasOwnProperty.call(x, key)) return false;
  return Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null;
}

/** A problem at each entry whose `key` an earlier entry already has. */
function duplicates<K extends string, T extends Record<K, string>>(
  list: T[] | undefined,
  path: string,
  key: K,
): ConfigProblem[] {
  const seen = new Set<string>();
  const out: ConfigProblem[] = [];
  (list ?? []).forEach((entry, i) => {
    if (seen.has(entry[key]))
      out.push({ path: `${path}[${i}].${key}`, code: "list.duplicate", detail: entry[key] });
    seen.add(entry[key]);
  });
  return out;
}

/** Checks overrides; `defaults` gives the values a partial `thresholds` is completed with for the order check. */
export function checkOverrides(input: unknown, defaults: { achieved: number; mostly: number }): ConfigCheck {
  // No overrides at all (the run without a configuration) are valid: the schema is not built for them.
  const result = isEmptyObject(input)
    ? { success: true as const, output: {} as v.InferOutput<ReturnType<typeof overridesSchema>> }
    : v.safeParse(overridesSchema(), input);
  if (!result.success) {
    const errors = result.issues.map((issue): ConfigProblem => ({
      path: pathOf(issue),
      code: issue.message as ProblemCode,
    }));
    return { ok: false, errors, warnings: [] };
  }
  const { $schema: _ignored, ...overrides } = result.output;
  void _ignored;
  const warnings: ConfigProblem[] = Object.keys(overrides.severity ?? {})
    .filter((c) => !KNOWN_RULES.has(c))
    .map((c) => ({ path: `severity[${JSON.stringify(c)}]`, code: "rule.unknown" }));
  // What JSON Schema cannot say: each grade code, status label, band label and indicator name
  // once, mostly ≤ achieved (merged).
  const errors = [
    ...duplicates(overrides.grades, "grades", "code"),
    ...duplicates(overrides.statuses, "statuses", "label"),
    ...duplicates(overrides.periodGrades ?? [], "periodGrades", "code"),
    ...duplicates(overrides.flagBands ?? [], "flagBands", "label"),
    ...duplicates(overrides.indicatorKinds, "indicatorKinds", "name"),
  ];
  // A grade's expected flags: the built-in flags, or the labels of the configured bands.
  const flags = new Set<string>([...FLAG_VALUES, ...(overrides.flagBands ?? []).map((b) => b.label)]);
  for (const key of ["grades", "periodGrades"] as const)
    (overrides[key] ?? []).forEach((g, gi) =>
      g.expectedFlags.forEach((f, fi) => {
        if (!flags.has(f)) errors.push({ path: `${key}[${gi}].expectedFlags[${fi}]`, code: "flag.value" });
      }),
    );
  const achieved = overrides.thresholds?.achieved ?? defaults.achieved;
  const mostly = overrides.thresholds?.mostly ?? defaults.mostly;
  if (mostly > achieved) errors.push({ path: "thresholds.mostly", code: "threshold.order" });
  if (errors.length) return { ok: false, errors, warnings };
  return { ok: true, overrides: overrides as ConfigOverrides, warnings };
}

/** A configuration file's text (a BOM allowed) checked as overrides. */
export function checkConfigText(text: string, defaults: { achieved: number; mostly: number }): ConfigCheck {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return {
      ok: false,
      errors: [{ path: "", code: "json.syntax", detail: (err as Error).message }],
      warnings: [],
    };
  }
  return checkOverrides(json, defaults);
}
