/**
 * The settings panel's fields ⇄ the settings saved in the workbook. Every setting has a field:
 * lists are lists (one entry per row), grades and statuses are rows of fields, severities are one
 * choice per rule. What the fields give is checked by the one configuration schema
 * (src/core/config/schema.ts), and each problem is shown at its field. Only what differs from the
 * defaults is saved, so a workbook keeps following future defaults for everything it did not change.
 */
import {
  ALL_RULES,
  checkConfig,
  type ConfigOverrides,
  type ConfigProblem,
  DEFAULT_CONFIG,
  type Flag,
  type FlagBand,
  formatConfigProblem,
  type GradeDef,
  type IndicatorKind,
  type LabelConfig,
  type ReviewState,
  type Severity,
  type StatusDef,
} from "../core";
import type { ShinchokuSettings } from "../excel/types";
import { t, type Lang, type MessageKey } from "../shared/i18n";

export interface GradeRow {
  code: string;
  ja: string;
  /** Blank: the Japanese name is used in English too. */
  en: string;
  flags: Flag[];
}

export interface StatusRow {
  label: string;
  /** Blank: the label is used in English too. */
  en: string;
  behind: boolean;
}

export interface IndicatorKindRow {
  /** A part of the indicator's name (the first row whose name it contains wins). */
  name: string;
  kind: IndicatorKind;
}

export interface FlagBandRow {
  label: string;
  /** Blank: the label is used in English too. */
  en: string;
  /** The lower bound, in % as typed. */
  minPct: string;
}

export type LabelKey = keyof LabelConfig;
export type SeverityChoice = Severity | "off" | "default";

export interface SettingsForm {
  achievedPct: string;
  mostlyPct: string;
  summarySheetName: string;
  lowerIsBetter: string[];
  cumulativeMarkers: string[];
  annualMarkers: string[];
  levelMarkers: string[];
  estimateMarkers: string[];
  staleEstimateYears: string;
  grades: GradeRow[];
  statuses: StatusRow[];
  indicatorKinds: IndicatorKindRow[];
  defaultIndicatorKind: IndicatorKind;
  /** Off: the mid-term and period grades use the year grades' scale (periodGrades not saved). */
  ownPeriodGrades: boolean;
  /** Shown when ownPeriodGrades is on; a copy of the year grades until then. */
  periodGrades: GradeRow[];
  /** Off: the two thresholds give 達成 / 概ね達成 / 未達成 (flagBands not saved). */
  ownFlagBands: boolean;
  /** Best first (highest lower bound first); the thresholds' three bands until ownFlagBands is on. */
  flagBands: FlagBandRow[];
  /** One choice per rule of the registry. */
  severity: Record<string, SeverityChoice>;
  labels: Record<LabelKey, string[]>;
  summaryMarker: string;
  ownedAreaTitle: string;
  summaryTitle: string;
  summaryFont: string;
  findingsSheetName: string;
  findingsMarker: string;
  /** The words of the findings sheet's 対応 column, by state. */
  reviewStates: Record<ReviewState, string>;
  highlightErrors: boolean;
  /** Severities saved for codes this version has no rule for: kept as they are, not shown. */
  otherSeverity: Record<string, Severity | "off">;
  /** Saved overrides of settings the panel has no field for: kept through a save. */
  otherOverrides: Record<string, unknown>;
}

/** The top-level settings the panel has fields for. */
const FORM_KEYS = [
  "thresholds",
  "summarySheetName",
  "lowerIsBetter",
  "cumulativeMarkers",
  "annualMarkers",
  "levelMarkers",
  "estimateMarkers",
  "staleEstimateYears",
  "grades",
  "statuses",
  "severity",
  "labels",
  "summaryMarker",
  "ownedAreaTitle",
  "summaryTitle",
  "summaryFont",
  "findingsSheetName",
  "findingsMarker",
  "reviewStates",
  "indicatorKinds",
  "defaultIndicatorKind",
  "periodGrades",
  "flagBands",
] as const satisfies readonly (keyof ConfigOverrides)[];
/**
 * Settings the panel has no field for: set them in a --config file or the workbook's saved
 * settings; a save from the panel keeps them as they are (otherOverrides). None today.
 */
const NOT_IN_PANEL = [] as const satisfies readonly (keyof ConfigOverrides)[];
type Covered = (typeof FORM_KEYS)[number] | (typeof NOT_IN_PANEL)[number];
// Compile-time: a setting added to ShinchokuConfig that is in neither list fails this line.
const formCoversConfig: Exclude<keyof ConfigOverrides, Covered> extends never
  ? true
  : { settingWithoutField: Exclude<keyof ConfigOverrides, Covered> } = true;
void formCoversConfig;
void NOT_IN_PANEL;

/** The findings sheet's 対応 words, in the order the panel shows them. */
export const REVIEW_STATES: readonly ReviewState[] = ["open", "fixed", "confirmed", "notNeeded"];

/** The string lists the panel edits, with their field's words. */
export const STRING_LISTS = [
  "lowerIsBetter",
  "cumulativeMarkers",
  "annualMarkers",
  "levelMarkers",
  "estimateMarkers",
] as const;
export type StringListKey = (typeof STRING_LISTS)[number];
export const LABEL_KEYS = Object.keys(DEFAULT_CONFIG.labels) as LabelKey[];
/** The flags a grade can be compared with (未入力 and 対象外 never match a grade). */
export const COMPARABLE_FLAGS: readonly Flag[] = ["達成", "概ね達成", "未達成"];
/** The kinds of an indicator, in the order the panel offers them. */
export const KINDS: readonly IndicatorKind[] = ["cumulative", "level", "annual"];

/**
 * The flags a grade row offers: the bands' labels when the form sets its own bands, else the
 * three built-in rate flags. A grade's flags outside these are kept (and shown) as they are.
 */
export function flagChoices(form: Pick<SettingsForm, "ownFlagBands" | "flagBands">): Flag[] {
  if (!form.ownFlagBands) return [...COMPARABLE_FLAGS];
  const labels = form.flagBands.map((b) => b.label.trim()).filter((l) => l !== "");
  return [...new Set(labels)];
}

/**
 * A problem at one field: `path` is the configuration's JSON path ("grades[1].code"), which is
 * also how the panel finds the input to mark.
 */
export interface FormError {
  path: string;
  problem: ConfigProblem | { code: "form.percent" | "form.order" | "form.years" | "form.bandOrder" };
}

export type FormResult = { ok: true; settings: ShinchokuSettings } | { ok: false; errors: FormError[] };

const pct = (x: number): string => String(Number((x * 100).toFixed(6)));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const gradeRow = (g: GradeDef): GradeRow => ({
  code: g.code,
  ja: g.ja,
  en: g.en === g.ja ? "" : g.en,
  flags: [...g.expectedFlags],
});

/** The bands the thresholds give (the lowest one from 0 %), shown until the form sets its own. */
function thresholdBands(achieved: number, mostly: number): FlagBandRow[] {
  return [
    { label: "達成", en: "achieved", minPct: pct(achieved) },
    { label: "概ね達成", en: "mostly achieved", minPct: pct(mostly) },
    { label: "未達成", en: "not achieved", minPct: "0" },
  ];
}

/** The form as it shows saved settings: defaults where nothing was overridden. */
export function formFromSettings(settings: ShinchokuSettings): SettingsForm {
  const o = settings.overrides ?? {};
  const d = DEFAULT_CONFIG;
  const grades = (o.grades as GradeDef[] | undefined) ?? d.grades;
  const statuses = (o.statuses as StatusDef[] | undefined) ?? d.statuses;
  const saved = (o.severity ?? {}) as Record<string, Severity | "off">;
  const severity: Record<string, SeverityChoice> = {};
  for (const r of ALL_RULES) severity[r.code] = saved[r.code] ?? "default";
  const otherSeverity = Object.fromEntries(Object.entries(saved).filter(([c]) => !(c in severity)));
  const otherOverrides = Object.fromEntries(
    Object.entries(o).filter(([k]) => !(FORM_KEYS as readonly string[]).includes(k)),
  );
  const labels = {} as Record<LabelKey, string[]>;
  for (const k of LABEL_KEYS) labels[k] = [...((o.labels?.[k] as string[] | undefined) ?? d.labels[k])];
  return {
    achievedPct: pct(o.thresholds?.achieved ?? d.thresholds.achieved),
    mostlyPct: pct(o.thresholds?.mostly ?? d.thresholds.mostly),
    summarySheetName: o.summarySheetName ?? d.summarySheetName,
    lowerIsBetter: [...(o.lowerIsBetter ?? d.lowerIsBetter)],
    cumulativeMarkers: [...(o.cumulativeMarkers ?? d.cumulativeMarkers)],
    annualMarkers: [...(o.annualMarkers ?? d.annualMarkers)],
    levelMarkers: [...(o.levelMarkers ?? d.levelMarkers)],
    estimateMarkers: [...(o.estimateMarkers ?? d.estimateMarkers)],
    staleEstimateYears: String(o.staleEstimateYears ?? d.staleEstimateYears),
    grades: grades.map(gradeRow),
    statuses: statuses.map((s) => ({ label: s.label, en: s.en === s.label ? "" : s.en, behind: !s.onTrack })),
    indicatorKinds: (o.indicatorKinds ?? d.indicatorKinds).map((k) => ({ name: k.name, kind: k.kind })),
    defaultIndicatorKind: o.defaultIndicatorKind ?? d.defaultIndicatorKind,
    ownPeriodGrades: Boolean(o.periodGrades),
    periodGrades: (o.periodGrades ?? grades).map(gradeRow),
    ownFlagBands: Boolean(o.flagBands),
    flagBands: o.flagBands
      ? o.flagBands.map((b) => ({ label: b.label, en: b.en ?? "", minPct: pct(b.min) }))
      : thresholdBands(
          o.thresholds?.achieved ?? d.thresholds.achieved,
          o.thresholds?.mostly ?? d.thresholds.mostly,
        ),
    severity,
    labels,
    summaryMarker: o.summaryMarker ?? d.summaryMarker,
    summaryTitle: o.summaryTitle ?? d.summaryTitle,
    summaryFont: o.summaryFont ?? d.summaryFont,
    findingsSheetName: o.findingsSheetName ?? d.findingsSheetName,
    findingsMarker: o.findingsMarker ?? d.findingsMarker,
    reviewStates: { ...d.reviewStates, ...(o.reviewStates ?? {}) },
    ownedAreaTitle: o.ownedAreaTitle ?? d.ownedAreaTitle,
    highlightErrors: settings.highlightErrors,
    otherSeverity,
    otherOverrides,
  };
}

/** A number typed in the form: full-width digits and a % sign allowed. */
function parseNumber(text: string, percent: boolean): number | null {
  const s = text.normalize("NFKC").replace(percent ? /[%\s]/g : /\s/g, "");
  const n = Number(s);
  return s === "" || !Number.isFinite(n) ? null : n;
}

/** Settings from the form, or every problem found, each at its field. */
export function settingsFromForm(form: SettingsForm): FormResult {
  const errors: FormError[] = [];
  const d = DEFAULT_CONFIG;
  const achievedPct = parseNumber(form.achievedPct, true);
  const mostlyPct = parseNumber(form.mostlyPct, true);
  for (const [path, v] of [
    ["thresholds.achieved", achievedPct],
    ["thresholds.mostly", mostlyPct],
  ] as const)
    if (v === null || v < 0 || v > 1000) errors.push({ path, problem: { code: "form.percent" } });
  if (achievedPct !== null && mostlyPct !== null && mostlyPct > achievedPct && !errors.length)
    errors.push({ path: "thresholds.mostly", problem: { code: "form.order" } });
  const years = parseNumber(form.staleEstimateYears, false);
  if (years === null) errors.push({ path: "staleEstimateYears", problem: { code: "form.years" } });

  const overrides: ConfigOverrides = { ...(form.otherOverrides as ConfigOverrides) };
  if (achievedPct !== null && mostlyPct !== null) {
    const thresholds = {
      achieved: Number((achievedPct / 100).toFixed(8)),
      mostly: Number((mostlyPct / 100).toFixed(8)),
    };
    if (!same(thresholds, d.thresholds)) overrides.thresholds = thresholds;
  }
  const sheetName = form.summarySheetName.trim();
  if (sheetName !== d.summarySheetName) overrides.summarySheetName = sheetName;
  for (const k of STRING_LISTS) {
    const list = form[k].map((s) => s.trim());
    if (!same(list, d[k])) overrides[k] = list;
  }
  if (years !== null && years !== d.staleEstimateYears) overrides.staleEstimateYears = years;
  // A grade's flags in the order the row offers them; flags the row does not offer are kept.
  const choices = flagChoices(form);
  const gradeDef = (g: GradeRow): GradeDef => ({
    code: g.code.trim(),
    ja: g.ja.trim(),
    en: g.en.trim() || g.ja.trim(),
    expectedFlags: [
      ...choices.filter((f) => g.flags.includes(f)),
      ...new Set(g.flags.filter((f) => !choices.includes(f))),
    ],
  });
  const grades = form.grades.map(gradeDef);
  if (!same(grades, d.grades)) overrides.grades = grades;
  const kinds = form.indicatorKinds.map((k) => ({ name: k.name.trim(), kind: k.kind }));
  if (!same(kinds, d.indicatorKinds)) overrides.indicatorKinds = kinds;
  if (form.defaultIndicatorKind !== d.defaultIndicatorKind)
    overrides.defaultIndicatorKind = form.defaultIndicatorKind;
  if (form.ownPeriodGrades) overrides.periodGrades = form.periodGrades.map(gradeDef);
  if (form.ownFlagBands) {
    const bands: FlagBand[] = [];
    let previous: number | null = null;
    form.flagBands.forEach((b, i) => {
      const min = parseNumber(b.minPct, true);
      const path = `flagBands[${i}].min`;
      if (min === null || min < 0 || min > 1000) errors.push({ path, problem: { code: "form.percent" } });
      else if (previous !== null && min >= previous)
        errors.push({ path, problem: { code: "form.bandOrder" } });
      if (min !== null) previous = min;
      const band: FlagBand = { label: b.label.trim(), min: Number(((min ?? 0) / 100).toFixed(8)) };
      if (b.en.trim()) band.en = b.en.trim();
      bands.push(band);
    });
    overrides.flagBands = bands;
  }
  const statuses: StatusDef[] = form.statuses.map((s) => ({
    label: s.label.trim(),
    en: s.en.trim() || s.label.trim(),
    onTrack: !s.behind,
  }));
  if (!same(statuses, d.statuses)) overrides.statuses = statuses;
  const severity: Record<string, Severity | "off"> = { ...form.otherSeverity };
  for (const [code, choice] of Object.entries(form.severity))
    if (choice !== "default") severity[code] = choice;
  if (Object.keys(severity).length) overrides.severity = severity;
  const labels: Partial<LabelConfig> = {};
  for (const k of LABEL_KEYS) {
    const list = form.labels[k].map((s) => s.trim());
    if (!same(list, d.labels[k])) labels[k] = list;
  }
  if (Object.keys(labels).length) overrides.labels = labels;
  if (form.summaryMarker !== d.summaryMarker) overrides.summaryMarker = form.summaryMarker;
  if (form.ownedAreaTitle !== d.ownedAreaTitle) overrides.ownedAreaTitle = form.ownedAreaTitle;
  if (form.summaryTitle.trim() !== d.summaryTitle) overrides.summaryTitle = form.summaryTitle.trim();
  if (form.summaryFont.trim() !== d.summaryFont) overrides.summaryFont = form.summaryFont.trim();
  const findingsName = form.findingsSheetName.trim();
  if (findingsName !== d.findingsSheetName) overrides.findingsSheetName = findingsName;
  if (form.findingsMarker !== d.findingsMarker) overrides.findingsMarker = form.findingsMarker;
  const states: Partial<Record<ReviewState, string>> = {};
  for (const k of REVIEW_STATES) {
    const word = form.reviewStates[k].trim();
    if (word !== d.reviewStates[k]) states[k] = word;
  }
  if (Object.keys(states).length) overrides.reviewStates = states;

  // The one schema decides the rest; the form's own checks only cover what it parses itself.
  const checked = checkConfig(overrides);
  if (!checked.ok)
    for (const p of checked.errors)
      if (!errors.some((e) => e.path === p.path)) errors.push({ path: p.path, problem: p });
  if (errors.length) return { ok: false, errors };
  return { ok: true, settings: { overrides, highlightErrors: form.highlightErrors } };
}

const TOP_NAMES: Record<string, MessageKey> = {
  "thresholds.achieved": "field.achieved",
  "thresholds.mostly": "field.mostly",
  summarySheetName: "settings.summarySheetName",
  lowerIsBetter: "settings.lowerIsBetter",
  cumulativeMarkers: "settings.cumulativeMarkers",
  annualMarkers: "settings.annualMarkers",
  levelMarkers: "settings.levelMarkers",
  estimateMarkers: "settings.estimateMarkers",
  staleEstimateYears: "settings.staleEstimateYears",
  grades: "settings.grades",
  statuses: "settings.statuses",
  severity: "settings.severity",
  summaryMarker: "settings.summaryMarker",
  ownedAreaTitle: "settings.ownedAreaTitle",
  summaryTitle: "settings.summaryTitle",
  summaryFont: "settings.summaryFont",
  findingsSheetName: "settings.findingsSheetName",
  findingsMarker: "settings.findingsMarker",
  "reviewStates.open": "settings.reviewState.open",
  "reviewStates.fixed": "settings.reviewState.fixed",
  "reviewStates.confirmed": "settings.reviewState.confirmed",
  "reviewStates.notNeeded": "settings.reviewState.notNeeded",
  indicatorKinds: "settings.indicatorKinds",
  defaultIndicatorKind: "settings.defaultIndicatorKind",
  periodGrades: "settings.periodGrades",
  flagBands: "settings.flagBands",
};
const SUB_NAMES: Record<string, MessageKey> = {
  code: "grade.code",
  ja: "grade.ja",
  en: "grade.en",
  expectedFlags: "grade.flags",
  label: "status.label",
  onTrack: "status.behind",
  name: "kind.name",
  kind: "kind.kind",
  min: "band.min",
};
/** Where a list's field is named differently from the same key elsewhere. */
const LIST_SUB_NAMES: Record<string, MessageKey> = {
  "flagBands.label": "band.label",
  "flagBands.en": "band.en",
};

/** A label list's name as staff know it: the form's own wording (its first default variant). */
export function labelName(key: LabelKey): string {
  return DEFAULT_CONFIG.labels[key][0] ?? key;
}

/** The field a JSON path points at, in words: "年度評価の区分 2 件目・記号". */
export function fieldName(lang: Lang, path: string): string {
  const m = /^(labels\.(\w+)|thresholds\.\w+|\w+)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(path);
  if (!m) return path;
  const [, top, labelKey, index, sub] = m;
  const base = labelKey
    ? t(lang, "settings.labelList", { label: labelName(labelKey as LabelKey) })
    : TOP_NAMES[top]
      ? t(lang, TOP_NAMES[top])
      : top;
  const parts = [base];
  if (index !== undefined) parts.push(t(lang, "list.row", { n: Number(index) + 1 }));
  const subName = sub ? (LIST_SUB_NAMES[`${top}.${sub}`] ?? SUB_NAMES[sub]) : undefined;
  if (subName) parts.push(t(lang, subName));
  return parts.join(lang === "ja" ? "・" : ", ");
}

/** An error's message: the field in words, then what is expected (with the JSON path for reference). */
export function formatFormError(lang: Lang, e: FormError): string {
  const where = fieldName(lang, e.path);
  const p = e.problem;
  if (
    p.code === "form.percent" ||
    p.code === "form.order" ||
    p.code === "form.years" ||
    p.code === "form.bandOrder"
  )
    // A list entry's problem names its JSON path too, as the schema's do.
    return `${where}: ${t(lang, `err.${p.code.slice(5)}` as MessageKey)}${e.path.includes("[") ? ` (${e.path})` : ""}`;
  const what = formatConfigProblem(lang, { ...(p as ConfigProblem), path: "" });
  return `${where}: ${what} (${e.path})`;
}
