/**
 * The workbook's saved settings as a custom XML part in our own namespace (issue 17, item 7).
 * Office's document settings belong to one add-in ID and are a per-runtime copy; a custom XML part
 * is in the file itself: the pane, the ribbon commands, another deployment of the add-in and the CLI
 * all read the same part. Pure text in, text out (no DOM: core runs on both hosts); the overrides
 * are the configuration's JSON, checked by the configuration schema like a --config file.
 *
 *   <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
 *   <settings xmlns="urn:x-shinchoku:settings:1" version="1">
 *     <highlightErrors>false</highlightErrors>
 *     <overrides>{"summarySheetName":"集計"}</overrides>
 *   </settings>
 *
 * The reader accepts any prefix for the namespace, CDATA, character references and a byte order
 * mark, since Excel may write the part back in its own way.
 */
import type { ConfigOverrides } from "./config";
import { checkConfigJson } from "./config";
import type { ConfigProblem } from "./schema";

export const SETTINGS_XML_NAMESPACE = "urn:x-shinchoku:settings:1";
export const SETTINGS_XML_VERSION = "1";

/** What the part holds; the same shape as the Excel adapter's ShinchokuSettings. */
export interface StoredSettings {
  overrides: ConfigOverrides;
  highlightErrors: boolean;
}

export type SettingsXmlRead =
  /** Not our part (another namespace, or not XML at all). */
  | { kind: "other" }
  | { kind: "ok"; settings: StoredSettings; warnings: ConfigProblem[] }
  /** Our part, but what it holds cannot be honoured: no run goes on with it. */
  | { kind: "invalid"; errors: ConfigProblem[] };

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => XML_ESCAPES[c]);
}

/** The part's XML for these settings (overrides as compact JSON, keys in the order given). */
export function settingsToXml(s: StoredSettings): string {
  const json = JSON.stringify(s.overrides ?? {});
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<settings xmlns="${SETTINGS_XML_NAMESPACE}" version="${SETTINGS_XML_VERSION}">` +
    `<highlightErrors>${s.highlightErrors ? "true" : "false"}</highlightErrors>` +
    `<overrides>${escapeText(json)}</overrides>` +
    `</settings>`
  );
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeText(s: string): string {
  // CDATA sections are text as they stand; everything else has its references resolved.
  const parts = s.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((p) =>
      p.startsWith("<![CDATA[")
        ? p.slice(9, -3)
        : p.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, ref: string) => {
            if (ref[0] !== "#") return NAMED_ENTITIES[ref] ?? m;
            const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
            return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
          }),
    )
    .join("");
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], unescapeText(m[2] ?? m[3] ?? ""));
  return out;
}

/** Whether an XML text is our settings part (its root element in our namespace). */
export function isSettingsXml(xml: string): boolean {
  return rootOf(xml) !== null;
}

function rootOf(xml: string): { prefix: string; attrs: Map<string, string>; body: string } | null {
  const text = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const start = /<([\w.-]+:)?settings\b([^>]*?)(\/?)>/.exec(text);
  if (!start || text.slice(0, start.index).trim() !== "") return null;
  const prefix = start[1] ?? "";
  const attrs = attributes(start[2]);
  const ns = prefix ? attrs.get(`xmlns:${prefix.slice(0, -1)}`) : attrs.get("xmlns");
  if (ns !== SETTINGS_XML_NAMESPACE) return null;
  if (start[3] === "/") return { prefix, attrs, body: "" };
  const end = text.lastIndexOf(`</${prefix}settings`);
  if (end < 0) return null;
  return { prefix, attrs, body: text.slice(start.index + start[0].length, end) };
}

function childText(body: string, prefix: string, name: string): string | null {
  const esc = `${prefix}${name}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`<${esc}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${esc}\\s*>)`).exec(body);
  if (!m) return null;
  return unescapeText(m[1] ?? "");
}

/**
 * Reads a custom XML part. Not ours: "other". Ours: the settings with the overrides checked by the
 * configuration schema (each problem named by its JSON path), or "invalid" when they cannot be
 * honoured or the part is of a later version than this one reads.
 */
export function settingsFromXml(xml: string): SettingsXmlRead {
  const root = rootOf(xml);
  if (!root) return { kind: "other" };
  const version = root.attrs.get("version") ?? SETTINGS_XML_VERSION;
  if (version !== SETTINGS_XML_VERSION)
    return {
      kind: "invalid",
      errors: [{ path: "", code: "json.syntax", detail: `settings part version ${version} (this reads 1)` }],
    };
  const highlight = (childText(root.body, root.prefix, "highlightErrors") ?? "false").trim();
  if (highlight !== "true" && highlight !== "false")
    return { kind: "invalid", errors: [{ path: "highlightErrors", code: "type.boolean" }] };
  const json = (childText(root.body, root.prefix, "overrides") ?? "").trim() || "{}";
  const checked = checkConfigJson(json);
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  return {
    kind: "ok",
    settings: { overrides: checked.overrides, highlightErrors: highlight === "true" },
    warnings: checked.warnings,
  };
}
