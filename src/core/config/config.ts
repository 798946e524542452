/**
 * Everything a city may want to change lives here: label wording per plan edition, the grade and
 * status vocabularies, thresholds, lower-is-better indicators, names of the sheets we own. The
 * defaults follow the seed form (Niigata City, FY2015–2018). A JSON file can override any part;
 * `mergeConfig` fills the rest from the defaults.
 */
import type { Severity } from "../model/finding";
import { checkConfigText, checkOverrides, ConfigInvalidError, type ConfigCheck } from "./schema";
import type { IndicatorKind } from "../model/item";

export interface LabelConfig {
  /** Block title line: "重点改革項目Ⅱ …". Matched at the start of the cell. */
  pillar: string[];
  midItem: string[];
  smallItem: string[];
  no: string[];
  departments: string[];
  title: string[];
  situation: string[];
  goals: string[];
  content: string[];
  /** "改革実施概要": the plan/actual table. */
  overview: string[];
  baseline: string[];
  plan: string[];
  actual: string[];
  midTarget: string[];
  finalTarget: string[];
  process: string[];
  indicator: string[];
  /** "進捗管理": the mid-year check section. */
  statusSection: string[];
  /** "取組の状況", "上半期 (4~9月)", "(各年度10月に実施)": labels inside the status section. */
  statusLabels: string[];
  /** "年度評価". */
  gradeSection: string[];
  /** "取組工程、指標に対する評価", "(年度終了後に実施)". */
  evaluationLabels: string[];
  /** "課題、今後の方針、改善事項など". */
  issues: string[];
  midtermEvaluation: string[];
  periodEvaluation: string[];
  /** Headers inside period evaluations: "中間評価", "計画期間の評価", "(平成29年度に実施)". */
  periodLabels: string[];
  /** Free notes that are not data ("※平成29年度上半期に…"). */
  notePrefixes: string[];
}

export interface GradeDef {
  code: string;
  ja: string;
  en: string;
  /** The flags this grade is consistent with; a grade outside them is a warning. */
  expectedFlags: Flag[];
}

export interface StatusDef {
  label: string;
  en: string;
  /** Statuses that mean "behind" agree with a 未達成 flag. */
  onTrack: boolean;
}

/**
 * 要確認: a figure is there but cannot be read as a number ("1,2OO"); 対象外: no numeric plan at all.
 * The rate flags are the flag bands' labels: 達成/概ね達成/未達成 by default, a city's own when it
 * configures flagBands (hence any string).
 */
export type Flag = "達成" | "概ね達成" | "未達成" | "未入力" | "要確認" | "対象外" | (string & {});

/** A progress-flag band: rates at or above `min` (and below the next band's) get `label`. */
export interface FlagBand {
  label: string;
  /** The label in English messages; the label itself when missing. */
  en?: string;
  min: number;
}

export interface ShinchokuConfig {
  labels: LabelConfig;
  grades: GradeDef[];
  statuses: StatusDef[];
  /**
   * The scale of the mid-term and period grades (計画期間の中間評価 / 計画期間の評価), when it is not the
   * year grades' one; null: the same scale as `grades`.
   */
  periodGrades: GradeDef[] | null;
  /** Markers in an indicator's name that make its figures running totals. */
  cumulativeMarkers: string[];
  /** Markers in an indicator's name that make its figures amounts per year that add up (単年度). */
  annualMarkers: string[];
  /** Markers that say the figures stand at the end of each year (年度末時点); also the default kind. */
  levelMarkers: string[];
  /**
   * Explicit kinds by indicator name (a substring of the name, NFKC), before any marker: the first
   * entry whose name the indicator's name contains wins.
   */
  indicatorKinds: Array<{ name: string; kind: IndicatorKind }>;
  /** The kind of an indicator that nothing marks: level, the reading that is never absurd. */
  defaultIndicatorKind: IndicatorKind;
  estimateMarkers: string[];
  thresholds: {
    /** rate ≥ achieved → 達成 */
    achieved: number;
    /** rate ≥ mostly → 概ね達成, else 未達成 */
    mostly: number;
  };
  /**
   * Any number of flag bands, best first by `min` (90/80/60%: four bands); a rate below every band's
   * min gets the lowest band's label. null: the two thresholds above (達成 / 概ね達成 / 未達成).
   */
  flagBands: FlagBand[] | null;
  /** Indicator names (substrings, NFKC) where a lower figure is better: achievement = plan ÷ actual. */
  lowerIsBetter: string[];
  /** A baseline still "(見込み)" this many fiscal years after its own year is a warning. */
  staleEstimateYears: number;
  /** Severity per finding code; "off" silences a rule. */
  severity: Record<string, Severity | "off">;
  summarySheetName: string;
  /** The summary sheet's printed title: the plan's own name, as the committee knows it. */
  summaryTitle: string;
  /**
   * The font of everything we write on the summary sheet (named explicitly: a style without a font
   * name prints in whatever the reader's program falls back to, a serif face in LibreOffice).
   */
  summaryFont: string;
  /** Title cell of the computed area we own on each item sheet; also how we recognise it again. */
  ownedAreaTitle: string;
  /** Marker text in A1 of the summary sheet: how we tell our sheet from a user's sheet of the same name. */
  summaryMarker: string;
  /** The findings sheet (指摘一覧) staff mark as reviewed; ours by findingsMarker in A1. */
  findingsSheetName: string;
  /** Start of A1 on the findings sheet: how we tell ours from a user's sheet of the same name. */
  findingsMarker: string;
  /** The words of the findings sheet's 対応 dropdown, by state; the sheet is read back by them. */
  reviewStates: Record<ReviewState, string>;
}

/**
 * What staff answered to a finding on the findings sheet: open (未対応), fixed (修正済み: it comes
 * back open while the finding is still there), confirmed (確認済み) and notNeeded (対応不要): both
 * of the last mean "reviewed" while the cell and its value stay as they were.
 */
export type ReviewState = "open" | "fixed" | "confirmed" | "notNeeded";

export const DEFAULT_CONFIG: ShinchokuConfig = {
  labels: {
    pillar: ["重点改革項目", "改革の柱", "基本方針"],
    midItem: ["取組項目(中項目)", "取組項目", "中項目"],
    smallItem: ["具体的な取組項目(小項目)", "具体的な改革項目", "具体的な取組項目", "小項目"],
    no: ["No.", "No", "NO.", "番号", "項目番号"],
    departments: ["担当課", "所管課", "担当部署"],
    title: ["改革実施項目名称(細項目)", "改革実施項目名称", "改革実施項目", "細項目"],
    situation: ["現状と課題(これまでの取組み)", "現状と課題(これまでの取組)", "現状と課題"],
    goals: [
      "事業の目標・目的(考えられる効果)",
      "事業の目標・目的",
      "改革の目的、考えられる効果",
      "改革の目的",
    ],
    content: ["取組の内容", "取組内容"],
    overview: ["改革実施概要"],
    baseline: ["現状"],
    plan: ["計画"],
    actual: ["実績", "実績見込み", "実績見込"],
    midTarget: ["中間目標"],
    finalTarget: ["最終目標", "目標"],
    process: ["取組工程(具体的な内容)", "取組工程"],
    indicator: ["指標", "成果指標", "活動指標"],
    statusSection: ["進捗管理"],
    statusLabels: ["取組の状況", "上半期(4~9月)", "上半期", "(各年度10月に実施)"],
    gradeSection: ["年度評価"],
    evaluationLabels: ["取組工程、指標に対する評価", "(年度終了後に実施)"],
    issues: ["課題、今後の方針、改善事項など", "課題、今後の方針"],
    midtermEvaluation: ["計画期間の中間評価"],
    periodEvaluation: ["計画期間の評価"],
    periodLabels: ["中間評価", "計画期間の評価", "取組工程、指標に対する評価(指標の適正性等)"],
    notePrefixes: ["※"],
  },
  grades: [
    { code: "A", ja: "計画以上に進捗", en: "ahead of plan", expectedFlags: ["達成"] },
    { code: "B", ja: "概ね計画どおり", en: "broadly on plan", expectedFlags: ["達成", "概ね達成"] },
    { code: "C", ja: "計画より遅れ", en: "behind plan", expectedFlags: ["概ね達成", "未達成"] },
    { code: "D", ja: "未着手・大幅な遅れ", en: "not started or far behind", expectedFlags: ["未達成"] },
  ],
  statuses: [
    { label: "順調", en: "on track", onTrack: true },
    { label: "概ね順調", en: "broadly on track", onTrack: true },
    { label: "進捗に遅れあり", en: "behind schedule", onTrack: false },
    { label: "未着手", en: "not started", onTrack: false },
    { label: "完了", en: "completed", onTrack: true },
  ],
  periodGrades: null,
  cumulativeMarkers: ["累計"],
  annualMarkers: ["単年度", "年間", "各年度", "毎年度", "年度毎", "削減額", "削減効果額"],
  levelMarkers: ["年度末時点", "年度末", "時点"],
  indicatorKinds: [],
  defaultIndicatorKind: "level",
  estimateMarkers: ["見込み", "見込", "見込値", "推計", "暫定"],
  thresholds: { achieved: 1.0, mostly: 0.8 },
  flagBands: null,
  lowerIsBetter: [],
  staleEstimateYears: 1,
  severity: {},
  summarySheetName: "集計",
  summaryTitle: "行政改革プラン 進捗状況一覧",
  summaryFont: "游ゴシック",
  ownedAreaTitle: "【進捗 自動計算欄】この欄は Shinchoku が作成します（手入力しないでください）",
  summaryMarker: "【Shinchoku 集計】",
  findingsSheetName: "指摘一覧",
  findingsMarker: "【進捗 指摘一覧】",
  reviewStates: { open: "未対応", fixed: "修正済み", confirmed: "確認済み", notNeeded: "対応不要" },
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
export type ConfigOverrides = DeepPartial<ShinchokuConfig>;

/** Overrides checked against the one schema (src/core/config/schema.ts), over these defaults. */
export function checkConfig(overrides: unknown): ConfigCheck {
  return checkOverrides(overrides, DEFAULT_CONFIG.thresholds);
}

/** A configuration file's JSON text checked the same way. */
export function checkConfigJson(text: string): ConfigCheck {
  return checkConfigText(text, DEFAULT_CONFIG.thresholds);
}

/**
 * Defaults overridden by a partial configuration (arrays replace, objects merge). Overrides the
 * schema refuses throw ConfigInvalidError: no run goes on with settings it cannot honour.
 */
export function mergeConfig(overrides: ConfigOverrides | undefined | null): ShinchokuConfig {
  const checked = checkConfig(overrides ?? {});
  if (!checked.ok) throw new ConfigInvalidError(checked.errors);
  return deepMerge(DEFAULT_CONFIG, checked.overrides as Record<string, unknown>) as ShinchokuConfig;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return structuredCloneSafe(base);
  if (Array.isArray(over) || typeof over !== "object" || over === null) return over;
  if (typeof base !== "object" || base === null || Array.isArray(base)) return over;
  const out: Record<string, unknown> = {};
  const b = base as Record<string, unknown>;
  const o = over as Record<string, unknown>;
  for (const k of new Set([...Object.keys(b), ...Object.keys(o)])) out[k] = deepMerge(b[k], o[k]);
  return out;
}

function structuredCloneSafe<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
