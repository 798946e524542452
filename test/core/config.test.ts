import { DEFAULT_CONFIG, mergeConfig, type ConfigOverrides } from "../../src/core/config/config";
import { analyse } from "../../src/core/engine";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import { seedFormSheets } from "../../scripts/fixtures/seed-form";
import { expectSeedItem } from "./layout/seed-expectations";

describe("mergeConfig with a JSON override", () => {
  const json = `{
    "statuses": [{ "label": "予定どおり", "en": "as planned", "onTrack": true }],
    "labels": { "no": ["整理番号"] },
    "thresholds": { "mostly": 0.6 },
    "severity": { "status/unknown": "off" },
    "summarySheetName": "進捗集計"
  }`;
  const cfg = mergeConfig(JSON.parse(json) as ConfigOverrides);

  it("replaces arrays", () => {
    expect(cfg.statuses).toEqual([{ label: "予定どおり", en: "as planned", onTrack: true }]);
    expect(cfg.labels.no).toEqual(["整理番号"]);
  });

  it("merges objects, keeping the defaults it does not name", () => {
    expect(cfg.thresholds).toEqual({ achieved: 1, mostly: 0.6 });
    expect(cfg.labels.departments).toEqual(DEFAULT_CONFIG.labels.departments);
    expect(cfg.grades).toEqual(DEFAULT_CONFIG.grades);
    expect(cfg.severity).toEqual({ "status/unknown": "off" });
    expect(cfg.summarySheetName).toBe("進捗集計");
  });

  it("leaves the defaults untouched, and gives the defaults for no override", () => {
    expect(DEFAULT_CONFIG.labels.no).toContain("No.");
    expect(DEFAULT_CONFIG.thresholds.mostly).toBe(0.8);
    expect(mergeConfig(null)).toEqual(DEFAULT_CONFIG);
    expect(mergeConfig(undefined)).not.toBe(DEFAULT_CONFIG);
    mergeConfig({}).labels.no.push("X");
    expect(DEFAULT_CONFIG.labels.no).not.toContain("X");
  });

  it("drives the engine: a renamed No. label, a looser threshold", () => {
    const sheets = seedFormSheets().map((s) => ({
      ...s,
      values: s.values.map((r) => r.map((v) => (v === "No." ? "整理番号" : v))),
    }));
    const a = analyse({ sheets }, cfg, { asOf: new Date(2026, 10, 24) });
    expect(a.read.items.map((i) => i.no)).toEqual(["28"]);
    // 55 of 66 (83 %) is 概ね達成 under either threshold; 0.6 only moves the lower bound.
    expect(a.computed[0].indicators[1].years[3].flag).toBe("概ね達成");
  });
});

describe("an earlier edition's labels on the laid-out form", () => {
  const EARLIER: Record<string, string> = {
    "具体的な取組項目(小項目)": "具体的な改革項目",
    "事業の目標・目的 (考えられる効果)": "改革の目的、考えられる効果",
    "現状と課題 (これまでの取組み)": "現状と課題(これまでの取組)",
  };
  const relabel = (s: SheetSnapshot): SheetSnapshot => ({
    ...s,
    values: s.values.map((r) => r.map((v) => (typeof v === "string" && v in EARLIER ? EARLIER[v] : v))),
  });

  it("reads every field and raises nothing new", () => {
    const sheets = seedFormSheets().map(relabel);
    expect(sheets[0].values[4][0]).toBe("具体的な改革項目");
    const a = analyse({ sheets }, DEFAULT_CONFIG, { asOf: new Date(2026, 10, 24) });
    expectSeedItem(a.read);
    expect(a.findings.map((f) => f.code)).toEqual(["baseline/stale-estimate", "baseline/stale-estimate"]);
  });
});
