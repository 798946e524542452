/**
 * Settings in the workbook's document settings (Office.context.document.settings), under one key,
 * so a city's vocabularies, thresholds and the highlight switch travel with the file.
 */
import { checkConfig, ConfigInvalidError } from "../core";
import { DEFAULT_SETTINGS, type ShinchokuSettings } from "./types";

export const SETTINGS_KEY = "shinchoku.settings";

/**
 * What is stored, checked. Nothing stored, or what is not our JSON object at all, gives the
 * defaults; overrides the configuration schema refuses throw ConfigInvalidError (naming each JSON
 * path), so no command runs on settings other than those the workbook holds.
 */
export function readSettings(): ShinchokuSettings {
  const raw = documentSettings()?.get(SETTINGS_KEY) as unknown;
  const parsed = typeof raw === "string" ? safeParse(raw) : raw;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    return { ...DEFAULT_SETTINGS, overrides: {} };
  const o = parsed as { overrides?: unknown; highlightErrors?: unknown };
  const checked = checkConfig(o.overrides ?? {});
  if (!checked.ok) throw new ConfigInvalidError(checked.errors);
  return { overrides: checked.overrides, highlightErrors: o.highlightErrors === true };
}

export async function writeSettings(s: ShinchokuSettings): Promise<void> {
  const settings = documentSettings();
  if (!settings) throw new Error("Office document settings are not available.");
  settings.set(SETTINGS_KEY, { overrides: s.overrides ?? {}, highlightErrors: !!s.highlightErrors });
  await saveDocumentSettings();
}

/** Our saved settings removed from the document (undo). */
export async function removeSettings(): Promise<void> {
  const settings = documentSettings();
  if (!settings || settings.get(SETTINGS_KEY) === null || settings.get(SETTINGS_KEY) === undefined) return;
  settings.remove(SETTINGS_KEY);
  await saveDocumentSettings();
}

export function documentSettings(): Office.Settings | null {
  try {
    return Office.context?.document?.settings ?? null;
  } catch {
    return null;
  }
}

export function saveDocumentSettings(): Promise<void> {
  const settings = documentSettings();
  if (!settings) return Promise.resolve();
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) =>
      r.status === Office.AsyncResultStatus.Failed
        ? reject(new Error(r.error?.message ?? "saveAsync failed"))
        : resolve(),
    ),
  );
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
