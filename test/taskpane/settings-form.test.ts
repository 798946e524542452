import { DEFAULT_CONFIG, mergeConfig } from "../../src/core/config/config";
import {
  formatFormError,
  formFromSettings,
  settingsFromForm,
  type SettingsForm,
} from "../../src/taskpane/settings-form";

const defaults = () => formFromSettings({ overrides: {}, highlightErrors: true });
const edit = (patch: Partial<SettingsForm>): SettingsForm => ({ ...defaults(), ...patch });
const errorsOf = (form: SettingsForm) => {
  const r = settingsFromForm(form);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
};

describe("settings form ⇄ overrides", () => {
  test("the defaults show as 100 / 80, 集計, the default vocabularies, and an empty JSON box", () => {
    const form = defaults();
    expect(form.achievedPct).toBe("100");
    expect(form.mostlyPct).toBe("80");
    expect(form.summarySheetName).toBe("集計");
    expect(form.grades.split("\n")[0]).toBe("A | 計画以上に進捗 | 達成");
    expect(form.grades.split("\n")[1]).toBe("B | 概ね計画どおり | 達成、概ね達成");
    expect(form.statuses.split("\n")).toEqual([
      "順調",
      "概ね順調",
      "進捗に遅れあり | 遅れ",
      "未着手 | 遅れ",
      "完了",
    ]);
    expect(form.advancedJson).toBe("");
  });

  test("an untouched form saves no overrides at all", () => {
    expect(settingsFromForm(defaults())).toEqual({
      ok: true,
      settings: { overrides: {}, highlightErrors: true },
    });
  });

  test("changed fields become overrides, and the merged config has them", () => {
    const r = settingsFromForm(
      edit({
        achievedPct: "95",
        mostlyPct: "７０%",
        lowerIsBetter: "待ち時間\n\n 処理日数 \n",
        summarySheetName: "進捗集計",
        grades: "S | 特に優れている | 達成\nA | 計画以上に進捗\nB",
        statuses: "順調\n遅延 | 遅れ",
        advancedJson: '{"staleEstimateYears": 2, "severity": {"grade-mismatch": "off"}}',
        highlightErrors: false,
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.highlightErrors).toBe(false);
    const o = r.settings.overrides;
    expect(o.thresholds).toEqual({ achieved: 0.95, mostly: 0.7 });
    expect(o.lowerIsBetter).toEqual(["待ち時間", "処理日数"]);
    expect(o.summarySheetName).toBe("進捗集計");
    expect(o.grades).toEqual([
      { code: "S", ja: "特に優れている", en: "特に優れている", expectedFlags: ["達成"] },
      { code: "A", ja: "計画以上に進捗", en: "ahead of plan", expectedFlags: ["達成"] },
      { code: "B", ja: "概ね計画どおり", en: "broadly on plan", expectedFlags: ["達成", "概ね達成"] },
    ]);
    expect(o.statuses).toEqual([
      { label: "順調", en: "on track", onTrack: true },
      { label: "遅延", en: "遅延", onTrack: false },
    ]);
    const config = mergeConfig(o);
    expect(config.staleEstimateYears).toBe(2);
    expect(config.severity).toEqual({ "grade-mismatch": "off" });
    expect(config.labels).toEqual(DEFAULT_CONFIG.labels);
  });

  test("round trip: saved settings shown again give the same settings", () => {
    const first = settingsFromForm(
      edit({
        achievedPct: "110",
        grades: "A | 優 | 達成\nB | 良 | 概ね達成、未達成",
        advancedJson: '{"cumulativeMarkers": ["累計", "累積"]}',
      }),
    );
    if (!first.ok) throw new Error("unexpected errors");
    const again = settingsFromForm(formFromSettings(first.settings));
    expect(again).toEqual(first);
    expect(formFromSettings(first.settings).advancedJson).toBe(
      JSON.stringify({ cumulativeMarkers: ["累計", "累積"] }, null, 2),
    );
  });

  test("thresholds: numbers above 0, mostly ≤ achieved", () => {
    expect(errorsOf(edit({ achievedPct: "" })).map((e) => [e.field, e.key])).toEqual([
      ["achievedPct", "err.percent"],
    ]);
    expect(errorsOf(edit({ mostlyPct: "-5" })).map((e) => e.field)).toEqual(["mostlyPct"]);
    expect(errorsOf(edit({ mostlyPct: "abc" })).map((e) => e.key)).toEqual(["err.percent"]);
    expect(errorsOf(edit({ achievedPct: "80", mostlyPct: "90" })).map((e) => e.key)).toEqual(["err.order"]);
  });

  test("summary sheet names follow Excel's rules", () => {
    for (const bad of ["", "集計/2024", "a[1]", "x".repeat(32), "'集計"])
      expect(errorsOf(edit({ summarySheetName: bad })).map((e) => e.key)).toEqual(["err.sheetName"]);
  });

  test("vocabulary lines: codes, flags, duplicates, emptiness, status marks", () => {
    expect(errorsOf(edit({ grades: "A | 優 | 優秀" })).map((e) => [e.key, e.params])).toEqual([
      ["err.flag", { line: 1, value: "優秀" }],
    ]);
    expect(errorsOf(edit({ grades: "A\n\nA | 再" })).map((e) => [e.key, e.params])).toEqual([
      ["err.duplicate", { line: 3, value: "A" }],
    ]);
    expect(errorsOf(edit({ grades: " | 名前だけ" })).map((e) => e.key)).toEqual(["err.gradeLine"]);
    expect(errorsOf(edit({ grades: "\n  \n" })).map((e) => e.key)).toEqual(["err.emptyList"]);
    expect(errorsOf(edit({ statuses: "順調 | たぶん" })).map((e) => e.key)).toEqual(["err.statusMark"]);
    expect(errorsOf(edit({ statuses: "" })).map((e) => e.key)).toEqual(["err.emptyList"]);
  });

  test("advanced JSON: syntax, object, known keys, shapes, and no keys the form owns", () => {
    expect(errorsOf(edit({ advancedJson: "{oops" })).map((e) => e.key)).toEqual(["err.json"]);
    expect(errorsOf(edit({ advancedJson: "[1]" })).map((e) => e.key)).toEqual(["err.jsonObject"]);
    expect(errorsOf(edit({ advancedJson: '{"colour": "red"}' })).map((e) => [e.key, e.params])).toEqual([
      ["err.jsonKey", { key: "colour" }],
    ]);
    expect(errorsOf(edit({ advancedJson: '{"labels": {"nope": []}}' })).map((e) => e.params)).toEqual([
      { key: "labels.nope" },
    ]);
    expect(
      errorsOf(edit({ advancedJson: '{"labels": {"no": "No."}}' })).map((e) => [e.key, e.params]),
    ).toEqual([["err.jsonType", { key: "labels.no", expected: "type.array" }]]);
    expect(
      errorsOf(edit({ advancedJson: '{"staleEstimateYears": "2"}' })).map((e) => e.params.expected),
    ).toEqual(["type.number"]);
    expect(errorsOf(edit({ advancedJson: '{"estimateMarkers": ["見込", 3]}' })).map((e) => e.key)).toEqual([
      "err.jsonType",
    ]);
    expect(errorsOf(edit({ advancedJson: '{"severity": {"x": "fatal"}}' })).map((e) => e.params.key)).toEqual(
      ["severity.x"],
    );
    expect(
      errorsOf(edit({ advancedJson: '{"thresholds": {"achieved": 1}}' })).map((e) => [e.key, e.params]),
    ).toEqual([["err.jsonFormKey", { key: "thresholds" }]]);
  });

  test("several problems are reported together", () => {
    const errors = errorsOf(edit({ achievedPct: "x", summarySheetName: "", advancedJson: "1" }));
    expect(errors.map((e) => e.field)).toEqual(["achievedPct", "summarySheetName", "advancedJson"]);
  });

  test("error messages name the field and the expected type in the user's language", () => {
    const [pct] = errorsOf(edit({ achievedPct: "" }));
    expect(formatFormError("ja", pct)).toBe("「達成」の達成率: 0 より大きい数値を入力してください。");
    expect(formatFormError("en", pct)).toBe("“Achieved” rate: enter a number greater than 0.");
    const [type] = errorsOf(edit({ advancedJson: '{"staleEstimateYears": "2"}' }));
    expect(formatFormError("ja", type)).toBe(
      "詳細設定: 「staleEstimateYears」の形式が違います (数値 を指定してください)。",
    );
    const [line] = errorsOf(edit({ grades: "A | 優 | 優秀" }));
    expect(formatFormError("en", line)).toBe(
      "Grades, line 1: flag “優秀” must be one of 達成, 概ね達成, 未達成.",
    );
  });
});
