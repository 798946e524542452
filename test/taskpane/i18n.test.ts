import { chooseLang, messageTables, t } from "../../src/shared/i18n";

describe("chooseLang", () => {
  test.each([
    ["ja-JP", "ja"],
    ["ja", "ja"],
    ["JA-jp", "ja"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["zh-CN", "en"],
    ["fr-FR", "en"],
  ])("%s → %s", (display, lang) => {
    expect(chooseLang(display)).toBe(lang);
  });

  test("Japanese when Office gives no display language", () => {
    expect(chooseLang(undefined)).toBe("ja");
    expect(chooseLang("")).toBe("ja");
    expect(chooseLang(null)).toBe("ja");
  });
});

describe("message tables", () => {
  const { ja, en } = messageTables();
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  test("both languages have the same keys and the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const k of Object.keys(ja) as Array<keyof typeof ja>)
      expect([k, placeholders(en[k])]).toEqual([k, placeholders(ja[k])]);
  });

  test("no empty strings; Japanese strings are Japanese", () => {
    for (const [k, v] of Object.entries(ja)) {
      expect([k, v.trim().length > 0]).toEqual([k, true]);
    }
    expect(ja["btn.validate"]).toBe("検証");
    expect(ja["btn.fill"]).toBe("計算欄を記入");
    expect(ja["btn.summary"]).toBe("集計シート作成");
    expect(ja["btn.clearHighlight"]).toBe("ハイライトを消去");
  });

  test("t fills placeholders and leaves unknown ones visible", () => {
    expect(t("ja", "group.item", { no: "28", title: "窓口" })).toBe("No.28 窓口");
    expect(t("en", "done.summary", { sheet: "集計 (2)" })).toBe("Summary sheet “集計 (2)” created.");
    expect(t("en", "done.summary")).toBe("Summary sheet “{sheet}” created.");
    // A value that looks like a placeholder is not filled again.
    expect(t("en", "list.removeRow", { list: "{x}", n: 2 })).toBe("Remove entry 2 of {x}");
  });
});
