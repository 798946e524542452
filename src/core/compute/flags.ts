/** Achievement rates and progress flags, with thresholds from configuration. */
import type { Flag, ShinchokuConfig } from "../config/config";

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

export function flagOfRate(rate: number, config: ShinchokuConfig): Flag {
  if (rate >= config.thresholds.achieved) return "達成";
  if (rate >= config.thresholds.mostly) return "概ね達成";
  return "未達成";
}

/** Worst first: the order in which flags tell how an item is doing. */
const SEVERITY: Record<Flag, number> = { 未達成: 0, 要確認: 1, 未入力: 2, 概ね達成: 3, 達成: 4, 対象外: 5 };

export function worstFlag(flags: Flag[]): Flag | null {
  let worst: Flag | null = null;
  for (const f of flags) worst = worseFlag(worst, f);
  return worst;
}

/** The worse of the worst so far (null: none yet) and one more flag; 対象外 does not count. */
export function worseFlag(worst: Flag | null, f: Flag): Flag | null {
  if (f === "対象外") return worst;
  return worst === null || SEVERITY[f] < SEVERITY[worst] ? f : worst;
}

export const FLAG_EN: Record<Flag, string> = {
  達成: "achieved",
  概ね達成: "mostly achieved",
  未達成: "not achieved",
  未入力: "not entered",
  要確認: "to be checked",
  対象外: "not applicable",
};

/** A flag in English for messages; "" when there is none. */
export const flagEn = (f: Flag | null): string => (f ? FLAG_EN[f] : "");
