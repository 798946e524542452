import type { Flag } from "../config/config";
import type { Indicator, IndicatorKind, Item } from "./item";

/**
 * What a period rate is taken over: the last year with both figures (cumulative and level
 * indicators: 最終年度) or the sums over the period (annual indicators: 期間合計).
 */
export type PeriodBasis = "last-year" | "period-total";

export const PERIOD_BASIS_JA: Record<PeriodBasis, string> = {
  "last-year": "最終年度",
  "period-total": "期間合計",
};
export const PERIOD_BASIS_EN: Record<PeriodBasis, string> = {
  "last-year": "last year",
  "period-total": "period total",
};
export const KIND_JA: Record<IndicatorKind, string> = {
  cumulative: "累計",
  level: "年度末時点",
  annual: "単年度",
};
export const KIND_EN: Record<IndicatorKind, string> = {
  cumulative: "cumulative",
  level: "level",
  annual: "annual",
};

/** The basis of an indicator kind's period rate. */
export function periodBasisOf(kind: IndicatorKind): PeriodBasis {
  return kind === "annual" ? "period-total" : "last-year";
}

export interface ComputedYear {
  fiscalYear: number;
  plan: number | null;
  actual: number | null;
  /** actual ÷ plan (plan ÷ actual when lower is better); null when either is not a number or plan is 0. */
  rate: number | null;
  flag: Flag;
  /**
   * Cumulative and level indicators: this year's actual − the previous actual (the baseline for the
   * first year): the year's increment of a running total, the change of a level.
   */
  increment: number | null;
  /** Annual indicators only: running totals of plan and actual over the plan period. */
  planTotal: number | null;
  actualTotal: number | null;
}

export interface ComputedIndicator {
  indicator: Indicator;
  years: ComputedYear[];
  kind: IndicatorKind;
  /** Annual: actual total ÷ plan total over the years with both; cumulative and level: last actual ÷ its plan. */
  periodRate: number | null;
  periodBasis: PeriodBasis;
}

export interface ComputedItemYear {
  fiscalYear: number;
  /** The worst flag among the item's indicators this year (未達成 < 概ね達成 < 達成), null when none applies. */
  worstFlag: Flag | null;
  grade: string | null;
  status: string | null;
  /** Whether the grade agrees with the worst flag (per the grade's expectedFlags); null when not comparable. */
  gradeAgrees: boolean | null;
  /**
   * Whether the mid-year status agrees with the year-end flags: false only for an on-track status
   * in a year that ended 未達成 (a "behind" status may be caught up); null when not comparable.
   */
  statusAgrees: boolean | null;
}

export interface ComputedItem {
  item: Item;
  indicators: ComputedIndicator[];
  years: ComputedItemYear[];
}
