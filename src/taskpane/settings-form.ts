/**
 * The settings panel's fields ⇄ the settings saved in the workbook. The common settings get their
 * own fields (thresholds in %, one entry per line); everything else is an advanced JSON override,
 * checked against the shape of the defaults. Only what differs from the defaults is saved, so a
 * workbook keeps following future defaults for everything it did not change.
 */
import {
  DEFAULT_CONFIG,
  type ConfigOverrides,
  type Flag,
  type GradeDef,
  type StatusDef,
} from "../core/config/config";
import type { ShinchokuSettings } from "../excel/types";
import { t, type Lang, type MessageKey, type Params } from "../shared/i18n";

export interface SettingsForm {
  achievedPct: string;
  mostlyPct: string;
  /** One name (part) per line. */
  lowerIsBetter: string;
  summarySheetName: string;
  /** "A | 計画以上に進捗 | 達成" per line. */
  grades: string;
  /** "順調" or "進捗に遅れあり | 遅れ" per line. */
  statuses: string;
  advancedJson: string;
  highlightErrors: boolean;
}

export type FieldId = keyof SettingsForm;

export interface FormError {
  field: FieldId;
  key: MessageKey;
  params: Params;
}

export type FormResult = { ok: true; settings: ShinchokuSettings } | { ok: false; errors: FormError[] };

/** Keys the form's own fields set; the JSON box holds the rest. */
const FORM_KEYS = ["thresholds", "lowerIsBetter", "summarySheetName", "grades", "statuses"] as const;
const COMPARABLE_FLAGS: readonly Flag[] = ["達成", "概ね達成", "未達成"];
const BEHIND = ["遅れ", "behind"];
const SEP = /\s*[|｜]\s*/;

const pct = (x: number): string => String(Number((x * 100).toFixed(6)));
const lines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function gradesToText(grades: readonly GradeDef[]): string {
  return grades.map((g) => `${g.code} | ${g.ja} | ${g.expectedFlags.join("、")}`).join("\n");
}

export function statusesToText(statuses: readonly StatusDef[]): string {
  return statuses.map((s) => (s.onTrack ? s.label : `${s.label} | 遅れ`)).join("\n");
}

/** The form as it shows saved settings: defaults where nothing was overridden. */
export function formFromSettings(settings: ShinchokuSettings): SettingsForm {
  const o = settings.overrides ?? {};
  const rest: Record<string, unknown> = { ...(o as Record<string, unknown>) };
  for (const k of FORM_KEYS) delete rest[k];
  const grades = (o.grades as GradeDef[] | undefined) ?? DEFAULT_CONFIG.grades;
  const statuses = (o.statuses as StatusDef[] | undefined) ?? DEFAULT_CONFIG.statuses;
  return {
    achievedPct: pct(o.thresholds?.achieved ?? DEFAULT_CONFIG.thresholds.achieved),
    mostlyPct: pct(o.thresholds?.mostly ?? DEFAULT_CONFIG.thresholds.mostly),
    lowerIsBetter: (o.lowerIsBetter ?? DEFAULT_CONFIG.lowerIsBetter).join("\n"),
    summarySheetName: o.summarySheetName ?? DEFAULT_CONFIG.summarySheetName,
    grades: gradesToText(grades),
    statuses: statusesToText(statuses),
    advancedJson: Object.keys(rest).length ? JSON.stringify(rest, null, 2) : "",
    highlightErrors: settings.highlightErrors,
  };
}

function parsePercent(field: FieldId, text: string, errors: FormError[]): number | null {
  const n = Number(text.normalize("NFKC").replace(/[%\s]/g, ""));
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0) {
    errors.push({ field, key: "err.percent", params: {} });
    return null;
  }
  return Number((n / 100).toFixed(8));
}

function parseGrades(text: string, errors: FormError[]): GradeDef[] {
  const field = "grades";
  const out: GradeDef[] = [];
  const rows = text.split(/\r?\n/);
  rows.forEach((raw, i) => {
    if (raw.trim() === "") return;
    const line = i + 1;
    const [code = "", label = "", flagText] = raw.trim().split(SEP);
    if (code === "") return void errors.push({ field, key: "err.gradeLine", params: { line } });
    if (out.some((g) => g.code === code))
      return void errors.push({ field, key: "err.duplicate", params: { line, value: code } });
    const known = DEFAULT_CONFIG.grades.find((g) => g.code === code);
    let flags: Flag[] = known ? [...known.expectedFlags] : [...COMPARABLE_FLAGS];
    if (flagText !== undefined && flagText !== "") {
      flags = [];
      for (const f of flagText.split(/[、,，・\s]+/).filter(Boolean)) {
        if (!COMPARABLE_FLAGS.includes(f as Flag)) {
          errors.push({ field, key: "err.flag", params: { line, value: f } });
        } else if (!flags.includes(f as Flag)) flags.push(f as Flag);
      }
    }
    const ja = label || known?.ja || code;
    out.push({ code, ja, en: known && known.ja === ja ? known.en : ja, expectedFlags: flags });
  });
  if (out.length === 0 && !errors.some((e) => e.field === field))
    errors.push({ field, key: "err.emptyList", params: {} });
  return out;
}

function parseStatuses(text: string, errors: FormError[]): StatusDef[] {
  const field = "statuses";
  const out: StatusDef[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const line = i + 1;
    const [label = "", mark] = raw.trim().split(SEP);
    if (mark !== undefined && mark !== "" && !BEHIND.includes(mark.toLowerCase()))
      return void errors.push({ field, key: "err.statusMark", params: { line, value: mark } });
    if (out.some((s) => s.label === label))
      return void errors.push({ field, key: "err.duplicate", params: { line, value: label } });
    const known = DEFAULT_CONFIG.statuses.find((s) => s.label === label);
    out.push({ label, en: known?.en ?? label, onTrack: mark === undefined || mark === "" });
  });
  if (out.length === 0 && !errors.some((e) => e.field === field))
    errors.push({ field, key: "err.emptyList", params: {} });
  return out;
}

/** Excel's rules for sheet names. */
export function isValidSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}

const SEVERITY_VALUES = ["error", "warning", "info", "off"];

function typeName(v: unknown): "array" | "object" | "number" | "string" | "boolean" | "null" {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  return typeof v as "object" | "number" | "string" | "boolean";
}

/** Checks a JSON override against the shape of the default it overrides. */
function checkShape(value: unknown, template: unknown, path: string, errors: FormError[]): void {
  const err = (key: MessageKey, expected?: string) =>
    errors.push({ field: "advancedJson", key, params: expected ? { key: path, expected } : { key: path } });
  if (path === "severity") {
    if (typeName(value) !== "object") return void err("err.jsonType", "type.object");
    for (const [code, sev] of Object.entries(value as object))
      if (!SEVERITY_VALUES.includes(sev as string))
        errors.push({
          field: "advancedJson",
          key: "err.jsonType",
          params: { key: `severity.${code}`, expected: SEVERITY_VALUES.join(" / ") },
        });
    return;
  }
  const want = typeName(template);
  if (typeName(value) !== want) return void err("err.jsonType", `type.${want}`);
  if (want === "array") {
    const elem = (template as unknown[])[0];
    if (typeof elem === "string" && !(value as unknown[]).every((v) => typeof v === "string"))
      err("err.jsonType", "type.string");
    return;
  }
  if (want === "object") {
    for (const [k, v] of Object.entries(value as object)) {
      const sub = path ? `${path}.${k}` : k;
      if (!(k in (template as object))) {
        errors.push({ field: "advancedJson", key: "err.jsonKey", params: { key: sub } });
        continue;
      }
      checkShape(v, (template as Record<string, unknown>)[k], sub, errors);
    }
  }
}

function parseAdvanced(text: string, errors: FormError[]): Record<string, unknown> {
  if (text.trim() === "") return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    errors.push({ field: "advancedJson", key: "err.json", params: { detail: (e as Error).message } });
    return {};
  }
  if (typeName(v) !== "object") {
    errors.push({ field: "advancedJson", key: "err.jsonObject", params: {} });
    return {};
  }
  const obj = v as Record<string, unknown>;
  for (const k of FORM_KEYS)
    if (k in obj) errors.push({ field: "advancedJson", key: "err.jsonFormKey", params: { key: k } });
  checkShape(obj, DEFAULT_CONFIG, "", errors);
  return obj;
}

/** Settings from the form, or every problem found. */
export function settingsFromForm(form: SettingsForm): FormResult {
  const errors: FormError[] = [];
  const achieved = parsePercent("achievedPct", form.achievedPct, errors);
  const mostly = parsePercent("mostlyPct", form.mostlyPct, errors);
  if (achieved !== null && mostly !== null && mostly > achieved)
    errors.push({ field: "mostlyPct", key: "err.order", params: {} });
  const sheetName = form.summarySheetName.trim();
  if (!isValidSheetName(sheetName))
    errors.push({ field: "summarySheetName", key: "err.sheetName", params: {} });
  const grades = parseGrades(form.grades, errors);
  const statuses = parseStatuses(form.statuses, errors);
  const advanced = parseAdvanced(form.advancedJson, errors);
  if (errors.length) return { ok: false, errors };

  const overrides: ConfigOverrides = { ...(advanced as ConfigOverrides) };
  const thresholds = { achieved: achieved as number, mostly: mostly as number };
  if (!same(thresholds, DEFAULT_CONFIG.thresholds)) overrides.thresholds = thresholds;
  const lower = lines(form.lowerIsBetter);
  if (!same(lower, DEFAULT_CONFIG.lowerIsBetter)) overrides.lowerIsBetter = lower;
  if (sheetName !== DEFAULT_CONFIG.summarySheetName) overrides.summarySheetName = sheetName;
  if (!same(grades, DEFAULT_CONFIG.grades)) overrides.grades = grades;
  if (!same(statuses, DEFAULT_CONFIG.statuses)) overrides.statuses = statuses;
  return { ok: true, settings: { overrides, highlightErrors: form.highlightErrors } };
}

const FIELD_NAMES: Partial<Record<FieldId, MessageKey>> = {
  achievedPct: "field.achieved",
  mostlyPct: "field.mostly",
  grades: "field.grades",
  statuses: "field.statuses",
};

/** An error's message: the field's name and, for a JSON type error, the expected type in words. */
export function formatFormError(lang: Lang, e: FormError): string {
  const params: Params = { ...e.params };
  const fieldName = FIELD_NAMES[e.field];
  if (fieldName) params.field = t(lang, fieldName);
  if (typeof params.expected === "string" && params.expected.startsWith("type."))
    params.expected = t(lang, params.expected as MessageKey);
  return t(lang, e.key, params);
}
