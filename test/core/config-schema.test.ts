import {
  checkConfig,
  checkConfigJson,
  DEFAULT_CONFIG,
  mergeConfig,
  type ConfigOverrides,
} from "../../src/core/config/config";
import {
  ConfigInvalidError,
  formatConfigProblem,
  formatConfigProblems,
  type ConfigProblem,
} from "../../src/core/config/schema";
import { ALL_RULES } from "../../src/core/checks/index";

/** The problems of a refused configuration, as [path, code] pairs. */
const refused = (input: unknown): [string, string][] => {
  const r = checkConfig(input);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(input)}`);
  return r.errors.map((e) => [e.path, e.code]);
};

describe("the configuration schema", () => {
  test("the defaults, printed as a whole, are a valid configuration file", () => {
    const r = checkConfigJson(JSON.stringify(DEFAULT_CONFIG, null, 2));
    expect(r).toEqual({ ok: true, overrides: DEFAULT_CONFIG, warnings: [] });
    expect(checkConfig({})).toEqual({ ok: true, overrides: {}, warnings: [] });
  });

  test("$schema is accepted and dropped before merging", () => {
    const r = checkConfigJson('{"$schema": "./schema/shinchoku.schema.json", "staleEstimateYears": 2}');
    expect(r).toEqual({ ok: true, overrides: { staleEstimateYears: 2 }, warnings: [] });
    expect(refused({ $schema: 3 })).toEqual([["$schema", "type.string"]]);
  });

  test("empty or blank marker and title texts are refused", () => {
    for (const key of ["summaryMarker", "ownedAreaTitle"]) {
      for (const bad of ["", "   ", "\u3000", "\t\n"])
        expect(refused({ [key]: bad })).toEqual([[key, "text.blank"]]);
      expect(refused({ [key]: 7 })).toEqual([[key, "type.string"]]);
      expect(refused({ [key]: "x".repeat(32768) })).toEqual([[key, "text.long"]]);
    }
  });

  test("sheet names Excel rejects are refused, each with its reason", () => {
    expect(refused({ summarySheetName: "" })).toEqual([["summarySheetName", "sheet.empty"]]);
    expect(refused({ summarySheetName: "  " })).toEqual([["summarySheetName", "sheet.empty"]]);
    expect(refused({ summarySheetName: "x".repeat(32) })).toEqual([["summarySheetName", "sheet.long"]]);
    for (const c of ["[", "]", ":", "*", "?", "/", "\\"])
      expect(refused({ summarySheetName: `集${c}計` })).toEqual([["summarySheetName", "sheet.chars"]]);
    expect(refused({ summarySheetName: "a/b:c" })).toEqual([["summarySheetName", "sheet.chars"]]);
    for (const bad of ["'集計", "集計'", "'"])
      expect(refused({ summarySheetName: bad })).toEqual([["summarySheetName", "sheet.apostrophe"]]);
    for (const bad of ["History", "history", "HISTORY", "hIsToRy"])
      expect(refused({ summarySheetName: bad })).toEqual([["summarySheetName", "sheet.reserved"]]);
    expect(refused({ summarySheetName: null })).toEqual([["summarySheetName", "type.string"]]);
  });

  test("names Excel allows pass: 31 characters, inner apostrophes, History as a part", () => {
    for (const ok of ["x".repeat(31), "進捗's 集計", "History 2024", "集計 (shinchoku)", "No.28 H27-28"])
      expect(checkConfig({ summarySheetName: ok }).ok).toBe(true);
  });

  test("unknown severity values are refused; unknown rule codes are only warnings", () => {
    expect(refused({ severity: { "status/unknown": "fatal" } })).toEqual([
      ['severity["status/unknown"]', "severity.value"],
    ]);
    expect(refused({ severity: { "status/unknown": 1 } })).toEqual([
      ['severity["status/unknown"]', "severity.value"],
    ]);
    expect(refused({ severity: "off" })).toEqual([["severity", "type.object"]]);
    const r = checkConfig({ severity: { "status/unknown": "off", "no/such-rule": "error" } });
    expect(r).toEqual({
      ok: true,
      overrides: { severity: { "status/unknown": "off", "no/such-rule": "error" } },
      warnings: [{ path: 'severity["no/such-rule"]', code: "rule.unknown" }],
    });
  });

  test("every rule in the registry is a known code", () => {
    const all = Object.fromEntries(ALL_RULES.map((rule) => [rule.code, "off"]));
    expect(checkConfig({ severity: all })).toEqual({ ok: true, overrides: { severity: all }, warnings: [] });
  });

  test("thresholds: numbers from 0 to 10, mostly not above achieved (after merging)", () => {
    expect(refused({ thresholds: "x" })).toEqual([["thresholds", "type.object"]]);
    expect(refused({ thresholds: { achieved: "1" } })).toEqual([["thresholds.achieved", "type.number"]]);
    expect(refused({ thresholds: { achieved: 11 } })).toEqual([["thresholds.achieved", "threshold.range"]]);
    expect(refused({ thresholds: { mostly: -0.1 } })).toEqual([["thresholds.mostly", "threshold.range"]]);
    expect(refused({ thresholds: { achieved: 0.9, mostly: 0.95 } })).toEqual([
      ["thresholds.mostly", "threshold.order"],
    ]);
    // Against the default achieved (1.0): a mostly of 1.2 alone is out of order too.
    expect(refused({ thresholds: { mostly: 1.2 } })).toEqual([["thresholds.mostly", "threshold.order"]]);
    expect(refused({ thresholds: { achieved: 0.5 } })).toEqual([["thresholds.mostly", "threshold.order"]]);
    expect(checkConfig({ thresholds: { achieved: 10, mostly: 0 } }).ok).toBe(true);
    expect(checkConfig({ thresholds: { mostly: 1 } }).ok).toBe(true);
  });

  test("wrong types anywhere are refused with their JSON path", () => {
    expect(refused({ labels: { no: "No." } })).toEqual([["labels.no", "type.array"]]);
    expect(refused({ labels: { no: ["No.", 3] } })).toEqual([["labels.no[1]", "type.string"]]);
    expect(refused({ labels: { no: ["No.", " "] } })).toEqual([["labels.no[1]", "text.blank"]]);
    expect(refused({ labels: { no: [] } })).toEqual([["labels.no", "list.empty"]]);
    expect(refused({ labels: [] })).toEqual([["labels", "type.object"]]);
    expect(refused({ grades: [{ code: "A", ja: "優", en: "good", expectedFlags: ["優秀"] }] })).toEqual([
      ["grades[0].expectedFlags[0]", "flag.value"],
    ]);
    const band = {
      flagBands: [
        { label: "優秀", min: 0.9 },
        { label: "要努力", min: 0 },
      ],
    };
    expect(
      checkConfig({ ...band, grades: [{ code: "A", ja: "優", en: "good", expectedFlags: ["優秀"] }] }).ok,
    ).toBe(true);
    expect(refused({ grades: [{ code: "A", ja: "優", en: "good" }] })).toEqual([
      ["grades[0].expectedFlags", "key.missing"],
    ]);
    expect(refused({ grades: [] })).toEqual([["grades", "list.empty"]]);
    const a = { code: "A", ja: "優", en: "good", expectedFlags: ["達成"] };
    expect(refused({ grades: [a, { ...a, ja: "良" }, a] })).toEqual([
      ["grades[1].code", "list.duplicate"],
      ["grades[2].code", "list.duplicate"],
    ]);
    const st = { label: "順調", en: "ok", onTrack: true };
    expect(refused({ statuses: [st, { ...st, en: "fine" }] })).toEqual([
      ["statuses[1].label", "list.duplicate"],
    ]);
    expect(
      formatConfigProblem("en", { path: "statuses[1].label", code: "list.duplicate", detail: "順調" }),
    ).toBe("statuses[1].label: an earlier entry has the same value (順調)");
    expect(refused({ statuses: [{ label: "順調", en: "ok", onTrack: "yes" }] })).toEqual([
      ["statuses[0].onTrack", "type.boolean"],
    ]);
    expect(refused({ staleEstimateYears: "2" })).toEqual([["staleEstimateYears", "type.number"]]);
    expect(refused({ staleEstimateYears: 1.5 })).toEqual([["staleEstimateYears", "years.range"]]);
    expect(refused({ staleEstimateYears: -1 })).toEqual([["staleEstimateYears", "years.range"]]);
    expect(refused({ estimateMarkers: ["見込", 3] })).toEqual([["estimateMarkers[1]", "type.string"]]);
    expect(refused({ lowerIsBetter: [""] })).toEqual([["lowerIsBetter[0]", "text.blank"]]);
    expect(refused(null)).toEqual([["", "type.object"]]);
    expect(refused([1])).toEqual([["", "type.object"]]);
  });

  test("unknown keys are refused at every level (a misspelt key would silently do nothing)", () => {
    expect(refused({ colour: "red" })).toEqual([["colour", "key.unknown"]]);
    expect(refused({ labels: { nope: ["x"] } })).toEqual([["labels.nope", "key.unknown"]]);
    expect(refused({ thresholds: { acheived: 1 } })).toEqual([["thresholds.acheived", "key.unknown"]]);
    expect(refused({ statuses: [{ label: "順調", en: "ok", onTrack: true, colour: 1 }] })).toEqual([
      ["statuses[0].colour", "key.unknown"],
    ]);
  });

  test("several problems are all listed", () => {
    expect(refused({ summaryMarker: "", summarySheetName: "", thresholds: "x" })).toEqual([
      ["thresholds", "type.object"],
      ["summarySheetName", "sheet.empty"],
      ["summaryMarker", "text.blank"],
    ]);
  });

  test("a file that is not JSON names the parser's complaint", () => {
    const r = checkConfigJson("{oops");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].code).toBe("json.syntax");
    expect(r.errors[0].detail).toMatch(/JSON|token|property/i);
    expect(checkConfigJson("\uFEFF{}").ok).toBe(true);
  });

  test("messages name the path and what is expected, in Japanese and English", () => {
    const p: ConfigProblem = { path: "labels.no[1]", code: "type.string" };
    expect(formatConfigProblem("ja", p)).toBe("「labels.no[1]」: 文字列を指定してください");
    expect(formatConfigProblem("en", p)).toBe("labels.no[1]: expected a string");
    const sheet: ConfigProblem = { path: "summarySheetName", code: "sheet.chars" };
    expect(formatConfigProblem("en", sheet)).toBe(
      "summarySheetName: a sheet name cannot contain [ ] : * ? / \\",
    );
    expect(formatConfigProblem("ja", { path: "", code: "json.syntax", detail: "x" })).toBe(
      "JSON として読めません (x)",
    );
    const two = [p, sheet];
    expect(formatConfigProblems("en", two)).toBe(
      "labels.no[1]: expected a string; summarySheetName: a sheet name cannot contain [ ] : * ? / \\",
    );
    expect(formatConfigProblems("ja", two).split("\n")).toHaveLength(1);
  });

  test("mergeConfig refuses what the schema refuses, and merges what it accepts", () => {
    expect(() => mergeConfig({ summaryMarker: "" })).toThrow(ConfigInvalidError);
    try {
      mergeConfig({ summarySheetName: "a/b:c" } as ConfigOverrides);
    } catch (e) {
      expect((e as ConfigInvalidError).problems).toEqual([{ path: "summarySheetName", code: "sheet.chars" }]);
    }
    expect(() => mergeConfig({ thresholds: "x" } as unknown as ConfigOverrides)).toThrow(
      "thresholds: expected an object",
    );
    expect(mergeConfig({ thresholds: { mostly: 0.5 } }).thresholds).toEqual({ achieved: 1, mostly: 0.5 });
  });
});

describe("the schema on arbitrary input", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require("fast-check") as typeof import("fast-check");
  const keys = fc.constantFrom(
    ...Object.keys(DEFAULT_CONFIG),
    "$schema",
    "colour",
    "achieved",
    "mostly",
    "no",
    "code",
    "ja",
    "en",
    "expectedFlags",
    "label",
    "onTrack",
  );
  const leaf = fc.oneof(
    fc.string(),
    fc.constantFrom("集計", "", " ", "History", "達成", "off", "fatal", "'x", "a/b"),
    fc.double(),
    fc.integer({ min: -2, max: 12 }),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("node"), { maxLength: 3 }),
      fc.dictionary(keys, tie("node"), { maxKeys: 4 }),
    ),
  })).node;
  // Shapes close to valid ones, so that acceptance is reached too.
  const nearValid = fc.record(
    {
      thresholds: fc.record(
        { achieved: fc.double({ min: -1, max: 11, noNaN: true }), mostly: fc.double({ min: -1, max: 11 }) },
        { requiredKeys: [] },
      ),
      summarySheetName: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("集計", "進捗集計")),
      summaryMarker: fc.string({ maxLength: 5 }),
      lowerIsBetter: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
      severity: fc.dictionary(
        fc.constantFrom(...ALL_RULES.map((r) => r.code), "no/such"),
        fc.constantFrom("error", "warning", "info", "off", "fatal"),
      ),
      labels: fc.record(
        { no: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );

  test("never throws; what it accepts merges, and the merged whole is accepted again", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(value, nearValid), (input) => {
        const r = checkConfig(input);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(formatConfigProblem("ja", e).length).toBeGreaterThan(0);
          // null is "no overrides" to mergeConfig (the defaults), as before the schema.
          if (input !== null) expect(() => mergeConfig(input as ConfigOverrides)).toThrow(ConfigInvalidError);
          return;
        }
        accepted++;
        const merged = mergeConfig(r.overrides);
        expect(checkConfig(merged)).toEqual({ ok: true, overrides: merged, warnings: r.warnings });
        expect(merged.thresholds.mostly).toBeLessThanOrEqual(merged.thresholds.achieved);
      }),
      { numRuns: 400 },
    );
    // Both sides were exercised, not only refusals.
    expect(accepted).toBeGreaterThan(10);
  });
});
