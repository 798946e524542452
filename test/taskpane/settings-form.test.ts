import { DEFAULT_CONFIG, mergeConfig } from "../../src/core/config/config";
import {
  fieldName,
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
const pathsAndCodes = (form: SettingsForm) => errorsOf(form).map((e) => [e.path, e.problem.code]);

describe("settings form ⇄ overrides", () => {
  test("the defaults show as 100 / 80, 集計, lists as lists, one severity choice per rule", () => {
    const form = defaults();
    expect(form.achievedPct).toBe("100");
    expect(form.mostlyPct).toBe("80");
    expect(form.summarySheetName).toBe("集計");
    expect(form.grades[1]).toEqual({
      code: "B",
      ja: "概ね計画どおり",
      en: "broadly on plan",
      flags: ["達成", "概ね達成"],
    });
    expect(form.statuses.map((s) => [s.label, s.behind])).toEqual([
      ["順調", false],
      ["概ね順調", false],
      ["進捗に遅れあり", true],
      ["未着手", true],
      ["完了", false],
    ]);
    expect(form.labels.no).toEqual(DEFAULT_CONFIG.labels.no);
    expect(form.estimateMarkers).toEqual(DEFAULT_CONFIG.estimateMarkers);
    expect(Object.values(form.severity).every((c) => c === "default")).toBe(true);
    expect(form.summaryMarker).toBe(DEFAULT_CONFIG.summaryMarker);
  });

  test("an untouched form saves no overrides at all", () => {
    expect(settingsFromForm(defaults())).toEqual({
      ok: true,
      settings: { overrides: {}, highlightErrors: true },
    });
  });

  test("changed fields become overrides, and the merged config has them", () => {
    const base = defaults();
    const r = settingsFromForm(
      edit({
        achievedPct: "95",
        mostlyPct: "７０%",
        lowerIsBetter: ["待ち時間", " 処理日数 "],
        summarySheetName: "進捗集計",
        grades: [
          { code: "S", ja: "特に優れている", en: "", flags: ["達成"] },
          ...base.grades.slice(0, 1),
          { code: "B", ja: "概ね計画どおり", en: "broadly on plan", flags: ["概ね達成", "達成"] },
        ],
        statuses: [base.statuses[0], { label: "遅延", en: "", behind: true }],
        staleEstimateYears: "2",
        severity: { ...base.severity, "grade/flag-mismatch": "off" },
        labels: { ...base.labels, departments: ["所属"] },
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
    expect(o.severity).toEqual({ "grade/flag-mismatch": "off" });
    expect(o.labels).toEqual({ departments: ["所属"] });
    const config = mergeConfig(o);
    expect(config.staleEstimateYears).toBe(2);
    expect(config.labels.no).toEqual(DEFAULT_CONFIG.labels.no);
    expect(config.labels.departments).toEqual(["所属"]);
  });

  test("round trip: saved settings shown again give the same settings", () => {
    const first = settingsFromForm(
      edit({
        achievedPct: "110",
        cumulativeMarkers: ["累計", "累積"],
        summaryMarker: "【集計】",
        otherSeverity: { "future/rule": "off" },
      }),
    );
    if (!first.ok) throw new Error("unexpected errors");
    expect(first.settings.overrides.severity).toEqual({ "future/rule": "off" });
    const again = settingsFromForm(formFromSettings(first.settings));
    expect(again).toEqual(first);
  });

  test("thresholds: numbers from 0 to 1000 %, mostly ≤ achieved", () => {
    expect(pathsAndCodes(edit({ achievedPct: "" }))).toEqual([["thresholds.achieved", "form.percent"]]);
    expect(pathsAndCodes(edit({ mostlyPct: "-5" }))).toEqual([["thresholds.mostly", "form.percent"]]);
    expect(pathsAndCodes(edit({ mostlyPct: "abc" }))).toEqual([["thresholds.mostly", "form.percent"]]);
    expect(pathsAndCodes(edit({ achievedPct: "80", mostlyPct: "90" }))).toEqual([
      ["thresholds.mostly", "form.order"],
    ]);
  });

  test("the schema's refusals come back at their fields", () => {
    for (const bad of ["", "集計/2024", "a[1]", "x".repeat(32), "'集計", "History"])
      expect(errorsOf(edit({ summarySheetName: bad })).map((e) => e.path)).toEqual(["summarySheetName"]);
    expect(pathsAndCodes(edit({ summaryMarker: " " }))).toEqual([["summaryMarker", "text.blank"]]);
    expect(pathsAndCodes(edit({ ownedAreaTitle: "" }))).toEqual([["ownedAreaTitle", "text.blank"]]);
    expect(pathsAndCodes(edit({ lowerIsBetter: ["待ち時間", ""] }))).toEqual([
      ["lowerIsBetter[1]", "text.blank"],
    ]);
    expect(pathsAndCodes(edit({ labels: { ...defaults().labels, no: [] } }))).toEqual([
      ["labels.no", "list.empty"],
    ]);
    const g = defaults().grades;
    expect(pathsAndCodes(edit({ grades: [g[0], { ...g[1], code: " " }] }))).toEqual([
      ["grades[1].code", "text.blank"],
    ]);
    expect(pathsAndCodes(edit({ grades: [g[0], g[0]] }))).toEqual([["grades[1].code", "list.duplicate"]]);
    expect(pathsAndCodes(edit({ grades: [] }))).toEqual([["grades", "list.empty"]]);
    expect(pathsAndCodes(edit({ statuses: [] }))).toEqual([["statuses", "list.empty"]]);
    expect(pathsAndCodes(edit({ staleEstimateYears: "1.5" }))).toEqual([
      ["staleEstimateYears", "years.range"],
    ]);
    expect(pathsAndCodes(edit({ staleEstimateYears: "x" }))).toEqual([["staleEstimateYears", "form.years"]]);
  });

  test("several problems are reported together", () => {
    const errors = errorsOf(edit({ achievedPct: "x", summarySheetName: "", summaryMarker: "" }));
    expect(errors.map((e) => e.path)).toEqual(["thresholds.achieved", "summarySheetName", "summaryMarker"]);
  });

  test("messages name the field in words, what is expected, and the JSON path, in ja and en", () => {
    const [pct] = errorsOf(edit({ achievedPct: "" }));
    expect(formatFormError("ja", pct)).toBe(
      "「達成」の達成率: 0 以上 1000 以下の数値 (%) を入力してください。",
    );
    expect(formatFormError("en", pct)).toBe("“Achieved” rate: enter a number (%) from 0 to 1000.");
    const g = defaults().grades;
    const [code] = errorsOf(edit({ grades: [g[0], { ...g[1], code: "" }] }));
    expect(formatFormError("ja", code)).toBe(
      "年度評価の区分・2 件目・記号: 空白以外の文字を含めてください (grades[1].code)",
    );
    expect(formatFormError("en", code)).toBe(
      "Year-end grades, entry 2, Code: expected a text that is not empty or blank (grades[1].code)",
    );
    const [sheet] = errorsOf(edit({ summarySheetName: "a/b" }));
    expect(formatFormError("en", sheet)).toBe(
      "Summary sheet name: a sheet name cannot contain [ ] : * ? / \\ (summarySheetName)",
    );
    expect(fieldName("ja", "labels.no[0]")).toBe("ラベル「No.」・1 件目");
  });
});

describe("settings form: indicator kinds, period grades, flag bands (issue 18 point 1, 7)", () => {
  test("defaults: no kinds by name, level, period grades and bands off (shown from the year grades and thresholds)", () => {
    const form = defaults();
    expect(form.indicatorKinds).toEqual([]);
    expect(form.defaultIndicatorKind).toBe("level");
    expect(form.ownPeriodGrades).toBe(false);
    expect(form.periodGrades).toEqual(form.grades);
    expect(form.ownFlagBands).toBe(false);
    expect(form.flagBands).toEqual([
      { label: "達成", en: "achieved", minPct: "100" },
      { label: "概ね達成", en: "mostly achieved", minPct: "80" },
      { label: "未達成", en: "not achieved", minPct: "0" },
    ]);
    // Editing a list that is switched off saves nothing.
    expect(settingsFromForm(edit({ flagBands: [], periodGrades: [] }))).toEqual({
      ok: true,
      settings: { overrides: {}, highlightErrors: true },
    });
  });

  test("rows become overrides the engine uses: kinds by name, default kind, period scale, four bands", () => {
    const base = defaults();
    const r = settingsFromForm(
      edit({
        indicatorKinds: [
          { name: " センター数 ", kind: "level" },
          { name: "受講者数", kind: "cumulative" },
        ],
        defaultIndicatorKind: "annual",
        ownPeriodGrades: true,
        periodGrades: [
          { code: "a", ja: "順調", en: "", flags: ["達成"] },
          { code: "b", ja: "遅れ", en: "behind", flags: ["未達成", "やや遅れ"] },
        ],
        ownFlagBands: true,
        flagBands: [
          { label: "達成", en: "", minPct: "90" },
          { label: "概ね達成", en: "mostly", minPct: "８０%" },
          { label: "やや遅れ", en: "", minPct: "60" },
          { label: "未達成", en: "", minPct: "0" },
        ],
        grades: base.grades.map((g) => (g.code === "C" ? { ...g, flags: ["やや遅れ", "未達成"] } : g)),
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const o = r.settings.overrides;
    expect(o.indicatorKinds).toEqual([
      { name: "センター数", kind: "level" },
      { name: "受講者数", kind: "cumulative" },
    ]);
    expect(o.defaultIndicatorKind).toBe("annual");
    expect(o.periodGrades).toEqual([
      { code: "a", ja: "順調", en: "順調", expectedFlags: ["達成"] },
      // The flags in the bands' order.
      { code: "b", ja: "遅れ", en: "behind", expectedFlags: ["やや遅れ", "未達成"] },
    ]);
    expect(o.flagBands).toEqual([
      { label: "達成", min: 0.9 },
      { label: "概ね達成", en: "mostly", min: 0.8 },
      { label: "やや遅れ", min: 0.6 },
      { label: "未達成", min: 0 },
    ]);
    expect(o.grades?.find((g) => g.code === "C")?.expectedFlags).toEqual(["やや遅れ", "未達成"]);
    const config = mergeConfig(o);
    expect(config.flagBands).toHaveLength(4);
    expect(config.periodGrades?.map((g) => g.code)).toEqual(["a", "b"]);
    // Shown again, the same rows and the same settings.
    const shown = formFromSettings(r.settings);
    expect(shown.ownFlagBands).toBe(true);
    expect(shown.flagBands.map((b) => b.minPct)).toEqual(["90", "80", "60", "0"]);
    expect(shown.indicatorKinds[0]).toEqual({ name: "センター数", kind: "level" });
    expect(settingsFromForm(shown)).toEqual(r);
  });

  test("a grade's flag that is no longer offered is kept, not dropped", () => {
    const saved = {
      overrides: {
        flagBands: [
          { label: "優", min: 1 },
          { label: "可", min: 0 },
        ],
        grades: [{ code: "A", ja: "良", en: "good", expectedFlags: ["優", "達成"] }],
      },
      highlightErrors: true,
    };
    const r = settingsFromForm(formFromSettings(saved));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.settings.overrides.grades?.[0].expectedFlags).toEqual(["優", "達成"]);
  });

  test("refused rows come back at their fields, with the JSON path, in ja and en", () => {
    const bands = (mins: string[]) => ({
      ownFlagBands: true,
      flagBands: mins.map((m, i) => ({ label: `区分${i}`, en: "", minPct: m })),
    });
    expect(pathsAndCodes(edit(bands(["90", "95", "0"])))).toEqual([["flagBands[1].min", "form.bandOrder"]]);
    expect(pathsAndCodes(edit(bands(["90", "x"])))).toEqual([["flagBands[1].min", "form.percent"]]);
    expect(pathsAndCodes(edit(bands([])))).toEqual([["flagBands", "list.empty"]]);
    expect(
      pathsAndCodes(
        edit({
          ownFlagBands: true,
          flagBands: [
            { label: "達成", en: "", minPct: "100" },
            { label: " ", en: "", minPct: "50" },
            { label: "達成", en: "", minPct: "0" },
          ],
        }),
      ),
    ).toEqual([["flagBands[1].label", "text.blank"]]);
    expect(
      pathsAndCodes(
        edit({
          ownFlagBands: true,
          flagBands: [
            { label: "達成", en: "", minPct: "100" },
            { label: "達成", en: "", minPct: "0" },
          ],
        }),
      ),
    ).toEqual([["flagBands[1].label", "list.duplicate"]]);
    expect(
      pathsAndCodes(
        edit({
          indicatorKinds: [
            { name: "", kind: "level" },
            { name: "数", kind: "annual" },
          ],
        }),
      ),
    ).toEqual([["indicatorKinds[0].name", "text.blank"]]);
    expect(pathsAndCodes(edit({ ownPeriodGrades: true, periodGrades: [] }))).toEqual([
      ["periodGrades", "list.empty"],
    ]);
    const g = defaults().grades;
    expect(pathsAndCodes(edit({ ownPeriodGrades: true, periodGrades: [g[0], g[0]] }))).toEqual([
      ["periodGrades[1].code", "list.duplicate"],
    ]);

    const [order] = errorsOf(edit(bands(["90", "95"])));
    expect(formatFormError("ja", order)).toBe(
      "判定の区分 (下限の高い順)・2 件目・下限の達成率 (%以上): 下限は前の行より小さくしてください (下限の高い順に並べます)。 (flagBands[1].min)",
    );
    expect(formatFormError("en", order)).toBe(
      "Progress-flag bands (highest lower bound first), entry 2, Lower bound of the rate (%): enter a lower bound below the previous entry's (bands go from the highest bound down). (flagBands[1].min)",
    );
    const [name] = errorsOf(edit({ indicatorKinds: [{ name: " ", kind: "level" }] }));
    expect(formatFormError("ja", name)).toBe(
      "指標ごとの種別 (指標名の一部と種別)・1 件目・指標名 (名称の一部): 空白以外の文字を含めてください (indicatorKinds[0].name)",
    );
    expect(fieldName("en", "flagBands[0].label")).toBe(
      "Progress-flag bands (highest lower bound first), entry 1, Flag",
    );
    expect(fieldName("ja", "periodGrades[2].code")).toBe("中間評価・期間評価の区分・3 件目・記号");
  });
});
