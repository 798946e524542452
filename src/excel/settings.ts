/**
 * Settings in a custom XML part of the workbook (ExcelApi 1.5, `workbook.customXmlParts`), in our
 * own namespace (src/core/config/settings-xml.ts): a city's vocabularies, thresholds and the
 * highlight switch travel with the file, to another deployment of the add-in and to the CLI. Every
 * read asks the workbook, so the ribbon commands see the pane's last save (Office's document
 * settings are a copy per runtime, refreshed only by refreshAsync, and belong to one add-in ID).
 * Settings an earlier version kept in the document settings are moved into the part once, then
 * removed from there.
 */
import {
  checkConfig,
  ConfigInvalidError,
  SETTINGS_XML_NAMESPACE,
  settingsFromXml,
  settingsToXml,
} from "../core";
import { DEFAULT_SETTINGS, type ShinchokuSettings } from "./types";

/** Where earlier versions kept the settings (document settings): read once to migrate, then removed. */
export const SETTINGS_KEY = "shinchoku.settings";

const defaults = (): ShinchokuSettings => ({ ...DEFAULT_SETTINGS, overrides: {} });

/** Our parts with their XML (normally one; two runtimes migrating at once may have added two). */
async function readParts(
  context: Excel.RequestContext,
): Promise<Array<{ part: Excel.CustomXmlPart; xml: string }>> {
  const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_XML_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  const found = parts.items.map((part) => ({ part, xml: part.getXml() }));
  if (found.length === 0) return [];
  await context.sync();
  return found.map((f) => ({ part: f.part, xml: f.xml.value }));
}

/** A part's XML as settings: ConfigInvalidError when the schema refuses what it holds. */
function fromPart(xml: string): ShinchokuSettings {
  const read = settingsFromXml(xml);
  if (read.kind === "invalid") throw new ConfigInvalidError(read.errors);
  if (read.kind === "other") return defaults();
  return { overrides: read.settings.overrides, highlightErrors: read.settings.highlightErrors };
}

/** No part yet: settings an earlier version kept in the document settings, moved into a part once. */
async function migrated(): Promise<ShinchokuSettings> {
  const legacy = legacySettings();
  if (!legacy) return defaults();
  try {
    await Excel.run(async (context) => {
      context.workbook.customXmlParts.add(settingsToXml(legacy));
      await context.sync();
    });
    await removeLegacySettings();
  } catch {
    // A workbook that cannot be written keeps them where they are; a later run tries again.
  }
  return legacy;
}

/**
 * What is stored, checked. Nothing stored gives the defaults; overrides the configuration schema
 * refuses throw ConfigInvalidError (naming each JSON path), so no command runs on settings other
 * than those the workbook holds.
 */
export async function readSettings(): Promise<ShinchokuSettings> {
  const [first] = await Excel.run((context) => readParts(context));
  return first ? fromPart(first.xml) : migrated();
}

/**
 * The settings read riding on the workbook read's two syncs: the parts are asked for in its first
 * batch; `afterFirstSync()`, called between the two, asks for our part's XML, which comes back with
 * the second; `settings()` then costs no sync. Only when a batch it rode on failed (and was sent
 * again without it) does it read the part on its own.
 */
export function queueSettingsRead(context: Excel.RequestContext): {
  afterFirstSync(): void;
  settings(): Promise<ShinchokuSettings>;
} {
  const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_XML_NAMESPACE);
  parts.load("items/id");
  let asked: { xml: OfficeExtension.ClientResult<string> | null } | null = null;
  return {
    afterFirstSync() {
      try {
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- loaded above, and the caller synced
        const items = parts.items;
        asked = { xml: items.length ? items[0].getXml() : null };
      } catch {
        asked = null;
      }
    },
    async settings() {
      if (asked && !asked.xml) return migrated();
      if (asked?.xml) {
        let xml: string | null = null;
        try {
          xml = asked.xml.value;
        } catch {
          xml = null;
        }
        if (xml !== null) return fromPart(xml);
      }
      const [first] = await readParts(context);
      return first ? fromPart(first.xml) : migrated();
    },
  };
}

export async function writeSettings(s: ShinchokuSettings): Promise<void> {
  const xml = settingsToXml({ overrides: s.overrides ?? {}, highlightErrors: !!s.highlightErrors });
  await Excel.run(async (context) => {
    const [first, ...more] = await readParts(context);
    if (first) first.part.setXml(xml);
    else context.workbook.customXmlParts.add(xml);
    for (const m of more) m.part.delete();
    await context.sync();
  });
  await removeLegacySettings();
}

/** Our saved settings removed from the workbook (undo): the part, and any left in document settings. */
export async function removeSettings(): Promise<void> {
  await Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_XML_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    const deleted = parts.items.map((p) => p.delete());
    if (deleted.length === 0) return;
    await context.sync();
  });
  await removeLegacySettings();
}

/**
 * Settings an earlier version saved in the document settings, checked: null when there are none
 * or they are not our JSON object at all; overrides the schema refuses throw ConfigInvalidError.
 */
function legacySettings(): ShinchokuSettings | null {
  const raw = documentSettings()?.get(SETTINGS_KEY) as unknown;
  const parsed = typeof raw === "string" ? safeParse(raw) : raw;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const o = parsed as { overrides?: unknown; highlightErrors?: unknown };
  const checked = checkConfig(o.overrides ?? {});
  if (!checked.ok) throw new ConfigInvalidError(checked.errors);
  return { overrides: checked.overrides, highlightErrors: o.highlightErrors === true };
}

async function removeLegacySettings(): Promise<void> {
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
