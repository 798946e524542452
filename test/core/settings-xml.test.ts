/**
 * The settings part (issue 17, item 7): what the add-in writes, the add-in and the CLI read back;
 * Excel's own ways of writing XML (a prefix, CDATA, references, a byte order mark) read the same;
 * the overrides are checked by the configuration schema; other parts are not ours.
 */
import {
  SETTINGS_XML_NAMESPACE,
  isSettingsXml,
  settingsFromXml,
  settingsToXml,
} from "../../src/core/config/settings-xml";

const NS = SETTINGS_XML_NAMESPACE;

describe("settings part XML", () => {
  test("round trip, with text that needs escaping", () => {
    const settings = {
      overrides: { summarySheetName: "集計 & <まとめ>", thresholds: { achieved: 1, mostly: 0.8 } },
      highlightErrors: true,
    };
    const xml = settingsToXml(settings);
    expect(xml).toContain(`xmlns="${NS}"`);
    expect(xml).toContain("&amp; &lt;まとめ&gt;");
    expect(isSettingsXml(xml)).toBe(true);
    expect(settingsFromXml(xml)).toEqual({ kind: "ok", settings, warnings: [] });
    const none = settingsToXml({ overrides: {}, highlightErrors: false });
    expect(settingsFromXml(none)).toEqual({
      kind: "ok",
      settings: { overrides: {}, highlightErrors: false },
      warnings: [],
    });
  });

  test("a prefix, CDATA, character references, a BOM and comments read the same", () => {
    const xml =
      "\uFEFF<?xml version='1.0' encoding='utf-8'?><!-- saved by Excel -->\n" +
      `<s:settings xmlns:s='${NS}' version='1'>\n  <s:highlightErrors> true </s:highlightErrors>\n` +
      `  <s:overrides><![CDATA[{"summarySheetName":"A<B"}]]></s:overrides>\n</s:settings>`;
    expect(settingsFromXml(xml)).toMatchObject({
      kind: "ok",
      settings: { overrides: { summarySheetName: "A<B" }, highlightErrors: true },
    });
    const refs = `<settings xmlns="${NS}"><overrides>{&#x22;summarySheetName&#x22;:&quot;&#38;&quot;}</overrides></settings>`;
    expect(settingsFromXml(refs)).toMatchObject({
      kind: "ok",
      settings: { overrides: { summarySheetName: "&" } },
    });
    expect(settingsFromXml(`<settings xmlns="${NS}"/>`)).toMatchObject({
      kind: "ok",
      settings: { overrides: {}, highlightErrors: false },
    });
  });

  test("other parts are not ours", () => {
    expect(
      settingsFromXml(`<settings xmlns="urn:someone-else"><overrides>{}</overrides></settings>`),
    ).toEqual({
      kind: "other",
    });
    expect(
      settingsFromXml(
        `<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>`,
      ),
    ).toEqual({ kind: "other" });
    expect(settingsFromXml("not xml")).toEqual({ kind: "other" });
    expect(isSettingsXml(`<x:settings xmlns="${NS}" xmlns:x="urn:other"/>`)).toBe(false);
  });

  test("overrides the schema refuses, a bad flag or a later version are invalid, with the JSON path", () => {
    const bad = settingsFromXml(
      `<settings xmlns="${NS}"><overrides>{"summarySheetName":"a:b","nope":1}</overrides></settings>`,
    );
    expect(bad.kind).toBe("invalid");
    const paths = bad.kind === "invalid" ? bad.errors.map((e) => `${e.path} ${e.code}`) : [];
    expect(paths).toEqual(expect.arrayContaining(["summarySheetName sheet.chars", "nope key.unknown"]));
    expect(settingsFromXml(`<settings xmlns="${NS}"><overrides>{</overrides></settings>`)).toMatchObject({
      kind: "invalid",
      errors: [{ code: "json.syntax" }],
    });
    expect(
      settingsFromXml(`<settings xmlns="${NS}"><highlightErrors>yes</highlightErrors></settings>`),
    ).toMatchObject({ kind: "invalid", errors: [{ path: "highlightErrors", code: "type.boolean" }] });
    expect(settingsFromXml(`<settings xmlns="${NS}" version="2"/>`)).toMatchObject({ kind: "invalid" });
  });
});

describe("undo drops the settings part", () => {
  test("planUndo names our namespace for the hosts to remove", async () => {
    const { analyse, planUndo } = await import("../../src/core/engine");
    const { mergeConfig } = await import("../../src/core/config/config");
    const wb = { sheets: [] };
    const r = planUndo(analyse(wb as never, mergeConfig(null), { asOf: new Date(2019, 5, 30) }), wb as never);
    expect(r.dropCustomXml).toEqual([NS]);
  });
});
