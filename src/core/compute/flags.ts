/** Achievement rates and progress flags, with thresholds from configuration. */
import type { Flag, FlagBand, ShinchokuConfig } from "../config/config";

export function achievementRate(
  plan: number | null,
  actual: number | null,
  lowerIsBetter: boolean,
): number | null {
  if (plan === null || actual === null) return null;
  const num = lowerIsBetter ? plan : actual;
  const den = lowerIsBetter ? actual : plan;
  if (den === 0) return null;
  const r = num / den;
  return Number.isFinite(r) ? r : null;
}

/** The flag bands in force, best first: the configured ones, else from the two thresholds. */
export function flagBandsOf(config: ShinchokuConfig): FlagBand[] {
  const own = config.flagBands?.filter((b) => b.label.trim() !== "" && Number.isFinite(b.min));
  if (own && own.length > 0) return [...own].sort((a, b) => b.min - a.min);
  const { achieved, mostly } = config.thresholds;
  return [
    { label: "達成", en: "achieved", min: achieved },
    { label: "概ね達成", en: "mostly achieved", min: mostly },
    { label: "未達成", en: "not achieved", min: -Infinity },
  ];
}

/** The lowest band: what a year that fell short of every band is (未達成 by default). */
export function lowestFlag(bands: readonly FlagBand[]): Flag {
  return bands[bands.length - 1].label;
}

export function flagOfRate(rate: number, config: ShinchokuConfig, bands = flagBandsOf(config)): Flag {
  for (const b of bands) if (rate >= b.min) return b.label;
  return lowestFlag(bands);
}

/** Worst first: the order in which flags tell how an item is doing. */
const SEVERITY: Partial<Record<Flag, number>> = {
  未達成: 0,
  要確認: 1,
  未入力: 2,
  概ね達成: 3,
  達成: 4,
  対象外: 5,
};

/**
 * A flag's rank, worst lowest. With configured bands the lowest band ranks as 未達成 does, the others
 * above 未入力 in band order; a label no band has ranks as 概ね達成.
 */
export function flagRank(f: Flag, bands: readonly FlagBand[] | null = null): number {
  if (bands && f !== "要確認" && f !== "未入力" && f !== "対象外") {
    const i = bands.findIndex((b) => b.label === f);
    if (i === bands.length - 1) return 0;
    if (i >= 0) return 3 + (bands.length - 2 - i) / bands.length;
  }
  return SEVERITY[f] ?? 3;
}

/** The worst of `flags`; `bands` as configured (any order), null for the default flags. */
export function worstFlag(flags: Flag[], bands: readonly FlagBand[] | null = null): Flag | null {
  const sorted = bands && bands.length ? [...bands].sort((a, b) => b.min - a.min) : null;
  let worst: Flag | null = null;
  for (const f of flags) worst = worseFlag(worst, f, sorted);
  return worst;
}

/** The worse of the worst so far (null: none yet) and one more flag; 対象外 does not count. Bands best first. */
export function worseFlag(
  worst: Flag | null,
  f: Flag,
  bands: readonly FlagBand[] | null = null,
): Flag | null {
  if (f === "対象外") return worst;
  return worst === null || flagRank(f, bands) < flagRank(worst, bands) ? f : worst;
}

export const FLAG_EN: Partial<Record<Flag, string>> = {
  達成: "achieved",
  概ね達成: "mostly achieved",
  未達成: "not achieved",
  未入力: "not entered",
  要確認: "to be checked",
  対象外: "not applicable",
};

/** A flag in English for messages; "" when there is none. */
export const flagEn = (f: Flag | null, bands: readonly FlagBand[] | null = null): string =>
  f ? (FLAG_EN[f] ?? bands?.find((b) => b.label === f)?.en ?? f) : "";
